import { invalidForm, type FieldProblem } from './errors.js';

/** Discord's documented limits (docs: Message, Embed, Component, Application Command objects). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  actionRows: 5,
  rowButtons: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  placeholder: 150,
  modalTitle: 45,
  modalRows: 5,
  textInputLabel: 45,
  textInputMax: 4000,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  choices: 25,
  choiceName: 100,
  webhookName: 80,
} as const;

type Obj = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function tooLong(problems: FieldProblem[], path: string, value: unknown, max: number): void {
  if (typeof value === 'string' && [...value].length > max)
    problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

function embedProblems(embeds: unknown[], problems: FieldProblem[]): void {
  if (embeds.length > LIMITS.embeds) problems.push({ path: 'embeds', code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMITS.embeds} or fewer in length.` });
  let total = 0;
  embeds.forEach((raw, i) => {
    const e = raw as Obj;
    const at = `embeds.${i}`;
    tooLong(problems, `${at}.title`, e.title, LIMITS.embedTitle);
    tooLong(problems, `${at}.description`, e.description, LIMITS.embedDescription);
    const footer = e.footer as Obj | undefined;
    const author = e.author as Obj | undefined;
    tooLong(problems, `${at}.footer.text`, footer?.text, LIMITS.footer);
    tooLong(problems, `${at}.author.name`, author?.name, LIMITS.authorName);
    const fields = arr(e.fields) as Obj[];
    if (fields.length > LIMITS.embedFields) problems.push({ path: `${at}.fields`, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    fields.forEach((f, j) => {
      tooLong(problems, `${at}.fields.${j}.name`, f.name, LIMITS.fieldName);
      tooLong(problems, `${at}.fields.${j}.value`, f.value, LIMITS.fieldValue);
      if (!str(f.name) || !str(f.value)) problems.push({ path: `${at}.fields.${j}`, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
      total += str(f.name).length + str(f.value).length;
    });
    total += str(e.title).length + str(e.description).length + str(footer?.text).length + str(author?.name).length;
  });
  if (total > LIMITS.embedTotal) problems.push({ path: 'embeds', code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
}

function componentProblems(rows: unknown[], problems: FieldProblem[], path = 'components'): void {
  if (rows.length > LIMITS.actionRows) problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
  rows.forEach((raw, i) => {
    const row = raw as Obj;
    const children = arr(row.components) as Obj[];
    const selects = children.filter((c) => Number(c.type) >= 3 && Number(c.type) !== 4);
    if (children.length > LIMITS.rowButtons || (selects.length > 0 && children.length > 1))
      problems.push({ path: `${path}.${i}.components`, code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' });
    children.forEach((c, j) => {
      const at = `${path}.${i}.components.${j}`;
      tooLong(problems, `${at}.custom_id`, c.custom_id, LIMITS.customId);
      tooLong(problems, `${at}.label`, c.label, c.type === 4 ? LIMITS.textInputLabel : LIMITS.buttonLabel);
      tooLong(problems, `${at}.placeholder`, c.placeholder, LIMITS.placeholder);
      if (c.type === 2 && c.style !== 5 && c.style !== 6 && !str(c.custom_id)) problems.push({ path: `${at}.custom_id`, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
      if (c.type === 4 && Number(c.max_length ?? 0) > LIMITS.textInputMax) problems.push({ path: `${at}.max_length`, code: 'NUMBER_TYPE_MAX', message: 'int value should be less than or equal to 4000.' });
      const options = arr(c.options);
      if (options.length > LIMITS.selectOptions) problems.push({ path: `${at}.options`, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    });
  });
}

/** Validates a message create/edit body; throws 50035 like Discord. */
export function validateMessage(body: Obj, { requireSomething = true } = {}): void {
  const problems: FieldProblem[] = [];
  tooLong(problems, 'content', body.content, LIMITS.content);
  embedProblems(arr(body.embeds), problems);
  componentProblems(arr(body.components), problems);
  tooLong(problems, 'username', body.username, LIMITS.webhookName);
  if (requireSomething && !str(body.content) && arr(body.embeds).length === 0 && arr(body.components).length === 0 && arr(body.attachments).length === 0 && !body.poll)
    problems.push({ path: 'content', code: 'BASE_TYPE_REQUIRED', message: 'Cannot send an empty message' });
  if (problems.length > 0) throw invalidForm(problems);
}

export function validateModal(body: Obj): void {
  const problems: FieldProblem[] = [];
  tooLong(problems, 'title', body.title, LIMITS.modalTitle);
  tooLong(problems, 'custom_id', body.custom_id, LIMITS.customId);
  if (!str(body.title)) problems.push({ path: 'title', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  const rows = arr(body.components);
  if (rows.length === 0) problems.push({ path: 'components', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  componentProblems(rows, problems);
  if (problems.length > 0) throw invalidForm(problems);
}

export function validateChoices(choices: unknown[]): void {
  const problems: FieldProblem[] = [];
  if (choices.length > LIMITS.choices) problems.push({ path: 'choices', code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  (choices as Obj[]).forEach((c, i) => {
    tooLong(problems, `choices.${i}.name`, c.name, LIMITS.choiceName);
    tooLong(problems, `choices.${i}.value`, c.value, LIMITS.choiceName);
    if (!str(c.name)) problems.push({ path: `choices.${i}.name`, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  });
  if (problems.length > 0) throw invalidForm(problems);
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function optionProblems(options: Obj[], path: string, problems: FieldProblem[], depth: number): void {
  if (options.length > LIMITS.commandOptions) problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  let sawOptional = false;
  options.forEach((o, i) => {
    const at = `${path}.${i}`;
    const name = str(o.name);
    if (!NAME.test(name) || name !== name.toLowerCase()) problems.push({ path: `${at}.name`, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
    const description = str(o.description);
    if (description.length < 1 || description.length > LIMITS.commandDescription)
      problems.push({ path: `${at}.description`, code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
    const type = Number(o.type);
    if (type === 1 || type === 2) {
      if (depth >= 2 || (type === 2 && depth >= 1)) problems.push({ path: `${at}.type`, code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', message: 'Sub-command groups nest too deeply' });
      optionProblems(arr(o.options) as Obj[], `${at}.options`, problems, depth + 1);
      return;
    }
    if (o.required) {
      if (sawOptional) problems.push({ path: `${at}.required`, code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
    } else sawOptional = true;
    const choices = arr(o.choices);
    if (choices.length > LIMITS.choices) problems.push({ path: `${at}.choices`, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
    if (choices.length > 0 && o.autocomplete) problems.push({ path: `${at}.autocomplete`, code: 'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID', message: 'Autocomplete cannot be set with choices' });
  });
}

/** Validates a bulk-overwrite body the way Discord does; throws 50035 listing every problem. */
export function validateCommands(body: unknown): void {
  const problems: FieldProblem[] = [];
  const commands = arr(body) as Obj[];
  if (commands.length > 100) problems.push({ path: '_', code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
  const seen = new Set<string>();
  commands.forEach((c, i) => {
    const type = Number(c.type ?? 1);
    const name = str(c.name);
    const key = `${type}:${name}`;
    if (seen.has(key)) problems.push({ path: `${i}.name`, code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' });
    seen.add(key);
    if (type === 1) {
      if (!NAME.test(name) || name !== name.toLowerCase()) problems.push({ path: `${i}.name`, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
      const description = str(c.description);
      if (description.length < 1 || description.length > LIMITS.commandDescription)
        problems.push({ path: `${i}.description`, code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
      optionProblems(arr(c.options) as Obj[], `${i}.options`, problems, 0);
    } else if (name.length < 1 || name.length > LIMITS.commandName) {
      problems.push({ path: `${i}.name`, code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 32 in length.' });
    }
  });
  if (problems.length > 0) throw invalidForm(problems);
}
