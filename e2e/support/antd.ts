import type { Locator, Page, Response } from 'playwright-core';

/**
 * The only way browser tests drive antd's Select, Cascader, Modal, Popconfirm, Drawer and date
 * fields. Each helper waits for the state the next step needs (a list open and owned by this
 * select, the pick shown, the list closed, a dialog gone), never for time, so it is correct on a
 * loaded machine without retries. The tests run with reduced motion, which the app answers by
 * turning antd's motion off: nothing is ever half-way through an animation.
 */

type SelectTarget = string | Locator;

function rootOf(page: Page, select: SelectTarget): Locator {
  return typeof select === 'string' ? page.getByTestId(select) : select;
}

/**
 * Opens a select and returns its list: a Select's combobox names the list it controls; a
 * Cascader's does not, and its list is the one cascader list shown (closed lists are hidden).
 */
async function openList(page: Page, root: Locator, cascader = false): Promise<{ input: Locator; list: Locator }> {
  const input = root.getByRole('combobox');
  if ((await input.getAttribute('aria-expanded')) !== 'true') await root.click();
  const expanded = root.locator('[role=combobox][aria-expanded=true]');
  await expanded.waitFor();
  let list: Locator;
  if (cascader) {
    list = page.locator('.ant-cascader-dropdown:visible');
  } else {
    const listId = await expanded.getAttribute('aria-controls');
    if (!listId) throw new Error('the select opened without naming its list');
    list = page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${listId}"]`) });
  }
  await list.waitFor();
  return { input, list };
}

/** Closes a select's list by moving the focus away, and waits until it says it is closed. */
async function closeList(root: Locator, input: Locator) {
  await input.blur();
  await root.locator('[role=combobox][aria-expanded=false]').waitFor();
}

/**
 * Picks the option whose text contains `label` in an antd Select (single or multiple), typing
 * `search` first when given (lists are virtual: an option far down is reached by searching).
 * Returns once the select shows the pick and its list is closed.
 */
export async function pickOption(
  page: Page,
  select: SelectTarget,
  label: string | RegExp,
  options: { search?: string; multiple?: boolean; remote?: boolean } = {},
) {
  const root = rootOf(page, select);
  const { input, list } = await openList(page, root);
  if (options.search) {
    // A select that searches on the server (`remote`) replaces its options when the answer comes:
    // a click while it is on its way can land on an option being replaced and get lost, so the
    // answer to this search (`?q=<search>`) is awaited first. One fill sends one search.
    const search = options.search;
    const answered = options.remote
      ? page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === search)
      : undefined;
    await input.fill(search);
    await answered;
  }
  // In a multiple select an option already picked is never clicked again: that would undo it.
  const option = options.multiple
    ? '.ant-select-item-option:not(.ant-select-item-option-selected)'
    : '.ant-select-item-option';
  await list.locator(option, { hasText: label }).first().click();
  await root.filter({ hasText: label }).waitFor();
  if (options.multiple) await closeList(root, input);
  else await root.locator('[role=combobox][aria-expanded=false]').waitFor();
}

/**
 * Picks in an antd Cascader by searching: types `search` and clicks the result whose path
 * contains `path` (e.g. "宣传广告 / 广告乱贴"); returns once the cascader shows the leaf.
 */
export async function pickCascade(
  page: Page,
  cascader: SelectTarget,
  search: string,
  path: string,
  /** What the cascader shows once chosen, when the search word is not in it (a keyword). */
  shown = search,
) {
  const root = rootOf(page, cascader);
  const { input, list } = await openList(page, root, true);
  await input.pressSequentially(search);
  await list.locator('.ant-cascader-menu-item', { hasText: path }).first().click();
  await root.filter({ hasText: shown }).waitFor();
  await root.locator('[role=combobox][aria-expanded=false]').waitFor();
}

/** The one open modal dialog. */
export function openModal(page: Page): Locator {
  return page.locator('.ant-modal-wrap:visible .ant-modal');
}

/** Clicks `trigger` and returns the dialog it opened, once visible. */
export async function openModalBy(page: Page, trigger: Locator): Promise<Locator> {
  await trigger.click();
  const modal = openModal(page);
  await modal.waitFor();
  return modal;
}

/**
 * Confirms the open modal with its primary button and waits until it is gone (it closes when the
 * server accepted; a refused form stays open and the step fails with the form's errors on the
 * evidence screenshot). With `response`, the matching request's answer is awaited too.
 */
export async function confirmModal(page: Page, response?: (r: Response) => boolean): Promise<Response | undefined> {
  const modal = openModal(page);
  const answered = response ? page.waitForResponse(response) : undefined;
  await modal.locator('.ant-modal-footer .ant-btn-primary').click();
  const answer = await answered;
  await page.locator('.ant-modal-wrap:visible').first().waitFor({ state: 'hidden' });
  return answer;
}

/** Confirms the open popconfirm and waits until it is gone. */
export async function confirmPopover(page: Page) {
  const popover = page.locator('.ant-popconfirm:visible');
  await popover.locator('.ant-btn-primary').click();
  await popover.first().waitFor({ state: 'hidden' });
}

/** Closes the open drawer with its close button and waits until it is gone. */
export async function closeDrawer(page: Page, drawer: Locator) {
  await page.locator('.ant-drawer-close:visible').click();
  await drawer.waitFor({ state: 'hidden' });
}

/**
 * Types a date (YYYY-MM-DD) into one of the app's date fields (native date inputs) and checks
 * that the field holds it.
 */
export async function fillDate(field: Locator, date: string) {
  await field.fill(date);
  const held = await field.inputValue();
  if (held !== date) throw new Error(`the date field holds ${held}, not ${date}`);
}

/** A matcher for page.waitForResponse: a request to a path (method optional) that the server answered. */
export function apiAnswer(method: string, path: string | RegExp) {
  return (r: Response) =>
    r.request().method() === method &&
    (typeof path === 'string' ? new URL(r.url()).pathname === path : path.test(new URL(r.url()).pathname));
}
