import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { generationRepository } from '../../cache/generation.ts';
import { defineSubscriber } from '../../outbox/subscriber.ts';

/*
 * What the cockpit evaluates (the plans' targets, figures, entry statuses, the catalogue, title
 * events, the region groups a target counts) is written by the plans, indicators, evaluation and
 * regions modules (region rows and populations move the generation in their own transaction).
 * Each such event moves the cockpit's cache generation, and
 * every server recomputes at its next request. Delivering an event twice moves it twice: the effect,
 * evaluations computed after the change, is the same.
 */
const dropEvaluations = (trx: Transaction<Database>) => generationRepository.advance(trx, 'cockpit');

export const cockpitSubscriber = defineSubscriber('cockpit.evaluations', {
  'observation.recorded': dropEvaluations,
  'data-entry.saved': dropEvaluations,
  'data-entry.transitioned': dropEvaluations,
  'indicator-catalogue.imported': dropEvaluations,
  'demo-data.changed': dropEvaluations,
  'title-event.recorded': dropEvaluations,
  // A group's members are the units a target scoped to it counts.
  'region-group.written': dropEvaluations,
  // The plans' targets (value, deadline, scope, baseline) are what is evaluated.
  'plan.imported': dropEvaluations,
});
