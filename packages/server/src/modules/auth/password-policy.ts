import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { AppError } from '../../http/problem.ts';
import { message } from '@chuangcheng/core';

/**
 * Password strength (issue 11): length alone let `1234567890` and `password12` through.
 * zxcvbn estimates how many guesses a cracker needs, knowing common passwords, words, keyboard
 * patterns, dates and the account's own names; we require score 3 ("safely unguessable" for
 * an online attack, about 10^8 guesses), NIST SP 800-63B's blocklist in practice.
 */
const MIN_SCORE = 3;

// Only the first 64 characters are estimated: the estimator is super-linear in length (seconds
// for 200 characters on a busy machine) and a 64-character prefix that is strong is strong.
const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
  maxLength: 64,
});

/** Words a guesser would try first for this deployment, whoever the account. */
const DEPLOYMENT_WORDS = ['chuangcheng', 'wenming', 'wenmingban', 'civilized', 'admin', 'administrator'];

/** Why the password is too guessable (English; the problem title carries zh/en), or undefined when it is strong. */
export function passwordWeakness(password: string, userInputs: readonly string[]): string | undefined {
  // Names are split too: "Zhang Wei" or "daqing-admin" are guessed word by word.
  const inputs = userInputs.flatMap((input) => [input, ...input.split(/[\s._@-]+/)]).filter((w) => w.length >= 3);
  const result = estimator.check(password, [...inputs, ...DEPLOYMENT_WORDS]);
  if (result.score >= MIN_SCORE) return undefined;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return `too easy to guess${advice ? `: ${advice}` : ''}`;
}

/**
 * Throws WEAK_PASSWORD naming the field when the password is too guessable. The field message is
 * the catalogue's advice in the reader's language (the estimator's own feedback is English only).
 */
export function assertStrongPassword(password: string, userInputs: readonly string[], field: string): void {
  const weakness = passwordWeakness(password, userInputs);
  if (weakness) throw new AppError('WEAK_PASSWORD', undefined, [{ field, message: message('user.weakPassword') }]);
}
