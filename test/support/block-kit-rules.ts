/**
 * Slack's documented Block Kit limits that `@slack/types` cannot express (lengths, counts, uniqueness).
 * The fake Slack and the test helpers run every payload the bot sends through these checks; each
 * broken rule is reported with the JSON pointer Slack itself would name and the offending value.
 */

export interface Violation {
  rule: string;
  /** JSON pointer into the payload, as Slack's own `[json-pointer:/…]` messages give it. */
  at: string;
  value: string;
  /** Slack accepts the payload and only warns (the person still sees a degraded message). */
  warning?: true;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const short = (v: string) => (v.length > 120 ? `${v.slice(0, 117)}… (${v.length} chars)` : v);

class Checker {
  readonly found: Violation[] = [];
  fail(rule: string, at: string, value: unknown, warning = false) {
    this.found.push({ rule, at, value: short(typeof value === 'string' ? value : JSON.stringify(value)), ...(warning ? { warning: true as const } : {}) });
  }
  maxLen(v: unknown, max: number, rule: string, at: string) {
    const s = str(v);
    if (s !== undefined && s.length > max) this.fail(`${rule} (max ${max} characters)`, at, s);
  }
  maxItems(v: unknown, max: number, rule: string, at: string) {
    if (Array.isArray(v) && v.length > max) this.fail(`${rule} (max ${max} items)`, at, `${v.length} items`);
  }
  /** A text object's own text; `max` is the field's documented limit. */
  text(v: unknown, max: number, rule: string, at: string) {
    if (v === undefined) return;
    if (!isObj(v) || (v.type !== 'plain_text' && v.type !== 'mrkdwn')) return this.fail('text object needs type plain_text or mrkdwn', at, v);
    // https://docs.slack.dev/reference/block-kit/composition-objects/text-object: text is required, at least 1 character.
    if (str(v.text) === undefined || str(v.text) === '') this.fail('text object with empty text', `${at}/text`, v.text ?? '');
    this.maxLen(v.text, max, rule, `${at}/text`);
  }
  plainOnly(v: unknown, rule: string, at: string) {
    if (isObj(v) && v.type !== 'plain_text') this.fail(`${rule} must be plain_text`, `${at}/type`, v.type);
  }
  id(v: unknown, rule: string, at: string) {
    // https://docs.slack.dev/reference/block-kit/block-elements (action_id) and …/blocks (block_id): max 255.
    this.maxLen(v, 255, rule, at);
  }
}

/** https://docs.slack.dev/reference/block-kit/composition-objects/option-object: text 75, value 150, description 75. */
function option(k: Checker, o: unknown, at: string) {
  if (!isObj(o)) return k.fail('option must be an object', at, o);
  k.text(o.text, 75, 'option text', `${at}/text`);
  k.maxLen(o.value, 150, 'option value', `${at}/value`);
  k.text(o.description, 75, 'option description', `${at}/description`);
}

/** Elements: https://docs.slack.dev/reference/block-kit/block-elements/… (one page per element). */
function element(k: Checker, e: unknown, at: string) {
  if (!isObj(e)) return k.fail('element must be an object', at, e);
  k.id(e.action_id, 'action_id', `${at}/action_id`);
  // placeholder: plain_text, max 150 on every element that has one.
  k.text(e.placeholder, 150, 'placeholder', `${at}/placeholder`);
  k.plainOnly(e.placeholder, 'placeholder', `${at}/placeholder`);
  if (e.type === 'button') {
    // button-element: text 75, value 2000, url 3000, accessibility_label 75.
    k.text(e.text, 75, 'button text', `${at}/text`);
    k.maxLen(e.value, 2000, 'button value', `${at}/value`);
    k.maxLen(e.url, 3000, 'button url', `${at}/url`);
    k.maxLen(e.accessibility_label, 75, 'button accessibility_label', `${at}/accessibility_label`);
  }
  if (e.type === 'image') image(k, e, at);
  if (e.type === 'plain_text_input') k.maxLen(e.initial_value, 3000, 'plain_text_input initial_value', `${at}/initial_value`);
  // checkboxes / radio_buttons: max 10 options; static_select / overflow: 100 / 5.
  const maxOptions = e.type === 'checkboxes' || e.type === 'radio_buttons' ? 10 : e.type === 'overflow' ? 5 : 100;
  k.maxItems(e.options, maxOptions, `${String(e.type)} options`, `${at}/options`);
  if (Array.isArray(e.options)) e.options.forEach((o, i) => option(k, o, `${at}/options/${i}`));
  // static-select-element: option_groups max 100, each label 75 and options max 100.
  k.maxItems(e.option_groups, 100, 'option_groups', `${at}/option_groups`);
  if (Array.isArray(e.option_groups)) {
    e.option_groups.forEach((g, gi) => {
      const gat = `${at}/option_groups/${gi}`;
      if (!isObj(g)) return k.fail('option group must be an object', gat, g);
      k.text(g.label, 75, 'option group label', `${gat}/label`);
      k.maxItems(g.options, 100, 'option group options', `${gat}/options`);
      if (Array.isArray(g.options)) g.options.forEach((o, i) => option(k, o, `${gat}/options/${i}`));
    });
  }
  if (isObj(e.confirm)) {
    // composition-objects/confirmation-dialog-object: title 100, text 300, confirm 30, deny 30.
    k.text(e.confirm.title, 100, 'confirm title', `${at}/confirm/title`);
    k.text(e.confirm.text, 300, 'confirm text', `${at}/confirm/text`);
    k.text(e.confirm.confirm, 30, 'confirm button', `${at}/confirm/confirm`);
    k.text(e.confirm.deny, 30, 'deny button', `${at}/confirm/deny`);
  }
}

/** https://docs.slack.dev/reference/block-kit/blocks/image-block: image_url 3000, alt_text 2000. */
function image(k: Checker, b: Json, at: string) {
  k.maxLen(b.image_url, 3000, 'image_url', `${at}/image_url`);
  k.maxLen(b.alt_text, 2000, 'image alt_text', `${at}/alt_text`);
  if (b.image_url === undefined && b.slack_file === undefined) k.fail('image needs image_url or slack_file', at, b);
}

function block(k: Checker, b: unknown, at: string) {
  if (!isObj(b)) return k.fail('block must be an object', at, b);
  k.id(b.block_id, 'block_id', `${at}/block_id`);
  switch (b.type) {
    case 'section':
      // section-block: text 3000; fields max 10, each 2000; text or fields required.
      k.text(b.text, 3000, 'section text', `${at}/text`);
      k.maxItems(b.fields, 10, 'section fields', `${at}/fields`);
      if (Array.isArray(b.fields)) b.fields.forEach((f, i) => k.text(f, 2000, 'section field', `${at}/fields/${i}`));
      if (b.text === undefined && b.fields === undefined) k.fail('section needs text or fields', at, b);
      if (b.accessory !== undefined) element(k, b.accessory, `${at}/accessory`);
      return;
    case 'header':
      // header-block: plain_text, max 150.
      k.text(b.text, 150, 'header text', `${at}/text`);
      k.plainOnly(b.text, 'header text', `${at}/text`);
      return;
    case 'context':
      // context-block: max 10 elements (images or text objects).
      k.maxItems(b.elements, 10, 'context elements', `${at}/elements`);
      if (Array.isArray(b.elements))
        b.elements.forEach((e, i) =>
          isObj(e) && e.type === 'image' ? image(k, e, `${at}/elements/${i}`) : k.text(e, 3000, 'context text', `${at}/elements/${i}`),
        );
      return;
    case 'actions':
      // actions-block: max 25 elements.
      k.maxItems(b.elements, 25, 'actions elements', `${at}/elements`);
      if (Array.isArray(b.elements)) b.elements.forEach((e, i) => element(k, e, `${at}/elements/${i}`));
      return;
    case 'input':
      // input-block: label plain_text 2000, hint plain_text 2000, one element.
      k.text(b.label, 2000, 'input label', `${at}/label`);
      k.plainOnly(b.label, 'input label', `${at}/label`);
      k.text(b.hint, 2000, 'input hint', `${at}/hint`);
      // Slack writes "(optional)" after the label of an optional input, in the person's language: a label
      // that says so itself reads doubled ("Un mot (facultatif) (facultatif)").
      if (b.optional === true && isObj(b.label) && /optional|facultati/i.test(str(b.label.text) ?? ''))
        k.fail('optional input label says optional (Slack adds it)', `${at}/label/text`, b.label.text);
      element(k, b.element, `${at}/element`);
      return;
    case 'image':
      image(k, b, at);
      k.text(b.title, 2000, 'image title', `${at}/title`);
      return;
    case 'divider':
    case 'file':
    case 'rich_text':
    case 'video':
      return;
    default:
      k.fail('unknown block type', `${at}/type`, b.type);
  }
}

function blocks(k: Checker, list: unknown, max: number, at: string, uniqueIds: boolean) {
  if (!Array.isArray(list)) return k.fail('blocks must be an array', at, list);
  // https://docs.slack.dev/reference/block-kit/blocks: up to 50 blocks in a message, 100 in a modal or Home tab.
  k.maxItems(list, max, 'blocks', at);
  list.forEach((b, i) => block(k, b, `${at}/${i}`));
  // Same page: "block_id should be unique for each message and each iteration of a message".
  const seen = new Set<string>();
  if (uniqueIds) {
    list.forEach((b, i) => {
      const id = isObj(b) ? str(b.block_id) : undefined;
      if (id === undefined) return;
      if (seen.has(id)) k.fail('duplicate block_id', `${at}/${i}/block_id`, id);
      seen.add(id);
    });
  }
}

/**
 * A message body (chat.postMessage / postEphemeral / update, a slash command's answer, a response_url post).
 * https://docs.slack.dev/reference/methods/chat.postMessage: with `blocks`, `text` is the fallback for
 * notifications and screen readers and should always be given; text is at most 40,000 characters.
 */
export function checkMessage(body: Json, at = ''): Violation[] {
  const k = new Checker();
  if (body.blocks !== undefined) {
    blocks(k, body.blocks, 50, `${at}/blocks`, true);
    if (str(body.text) === undefined || str(body.text)?.trim() === '') k.fail('blocks without a text fallback', `${at}/text`, body.text ?? '', true);
  }
  k.maxLen(body.text, 40_000, 'message text', `${at}/text`);
  return k.found;
}

/** https://docs.slack.dev/reference/views/modal-views: title/submit/close plain_text 24, 100 blocks, ids 255, metadata 3000. */
export function checkView(view: unknown, at = '/view'): Violation[] {
  const k = new Checker();
  if (!isObj(view)) {
    k.fail('view must be an object', at, view);
    return k.found;
  }
  if (view.type === 'modal') {
    for (const f of ['title', 'submit', 'close'] as const) {
      k.text(view[f], 24, `modal ${f}`, `${at}/${f}`);
      k.plainOnly(view[f], `modal ${f}`, `${at}/${f}`);
    }
    if (view.title === undefined) k.fail('modal needs a title', `${at}/title`, '');
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObj(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) k.fail('modal with input blocks needs submit', `${at}/submit`, '');
  }
  k.maxLen(view.private_metadata, 3000, 'private_metadata', `${at}/private_metadata`);
  k.maxLen(view.callback_id, 255, 'callback_id', `${at}/callback_id`);
  blocks(k, view.blocks, 100, `${at}/blocks`, true);
  return [...k.found];
}

/**
 * An answer to view_submission (https://docs.slack.dev/surfaces/modals#displaying_errors): `errors`
 * keys must be block_ids of input blocks in the submitted view, or Slack shows nothing.
 */
export function checkViewAnswer(answer: unknown, submitted: unknown): Violation[] {
  const k = new Checker();
  if (!isObj(answer)) return k.found;
  const action = answer.response_action;
  if (action === 'errors') {
    const inputs = new Set(
      (isObj(submitted) && Array.isArray(submitted.blocks) ? submitted.blocks : [])
        .filter((b): b is Json => isObj(b) && b.type === 'input')
        .map((b) => str(b.block_id)),
    );
    if (!isObj(answer.errors)) k.fail('response_action errors needs an errors object', '/errors', answer.errors ?? '');
    else
      for (const [key, text] of Object.entries(answer.errors)) {
        if (!inputs.has(key)) k.fail('errors key is not an input block_id of the view', `/errors/${key}`, key);
        if (typeof text !== 'string' || text === '') k.fail('error text must be a non-empty string', `/errors/${key}`, text ?? '');
      }
    return k.found;
  }
  if (action === 'update' || action === 'push') return checkView(answer.view, '/view');
  if (action !== undefined && action !== 'clear') k.fail('unknown response_action', '/response_action', action);
  return k.found;
}

/** Slack's own wording for a refused payload: `[ERROR] … [json-pointer:/…]`. */
export function slackMessages(found: Violation[]): string[] {
  return found.map((v) => `[ERROR] ${v.rule}: ${v.value} [json-pointer:${v.at}]`);
}
