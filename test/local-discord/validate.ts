// The subset of Discord's documented request limits that bots commonly trip
// over. A violation becomes the same 400 "Invalid Form Body" (code 50035) that
// Discord returns, so a bot's handling of it can be tested.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';

export interface FormError {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Errors in Discord's nested shape: { content: { _errors: [{ code, message }] } }. */
export function nestFormErrors(errors: FormError[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const error of errors) {
    let node = root;
    for (const key of error.path) {
      node = (node[String(key)] ??= {}) as Record<string, unknown>;
    }
    ((node._errors ??= []) as unknown[]).push({ code: error.code, message: error.message });
  }
  return root;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function maxLength(errors: FormError[], path: FormError['path'], value: unknown, max: number): void {
  if (typeof value === 'string' && value.length > max) {
    errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

function maxItems(errors: FormError[], path: FormError['path'], value: unknown, max: number): void {
  if (Array.isArray(value) && value.length > max) {
    errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

function embedErrors(embeds: unknown, errors: FormError[]): void {
  maxItems(errors, ['embeds'], embeds, 10);
  let totalText = 0;
  asArray(embeds).forEach((embed, i) => {
    if (!isObject(embed)) return;
    const at = (...rest: (string | number)[]): FormError['path'] => ['embeds', i, ...rest];
    const footer = isObject(embed.footer) ? embed.footer : {};
    const author = isObject(embed.author) ? embed.author : {};
    maxLength(errors, at('title'), embed.title, 256);
    maxLength(errors, at('description'), embed.description, 4096);
    maxLength(errors, at('footer', 'text'), footer.text, 2048);
    maxLength(errors, at('author', 'name'), author.name, 256);
    maxItems(errors, at('fields'), embed.fields, 25);
    const texts = [embed.title, embed.description, footer.text, author.name];
    asArray(embed.fields).forEach((field, j) => {
      if (!isObject(field)) return;
      maxLength(errors, at('fields', j, 'name'), field.name, 256);
      maxLength(errors, at('fields', j, 'value'), field.value, 1024);
      texts.push(field.name, field.value);
    });
    totalText += texts.reduce<number>((sum, text) => sum + (typeof text === 'string' ? text.length : 0), 0);
  });
  if (totalText > 6000) {
    errors.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  }
}

function componentErrors(components: unknown, errors: FormError[]): void {
  maxItems(errors, ['components'], components, 5);
  asArray(components).forEach((row, i) => {
    if (!isObject(row)) return;
    maxItems(errors, ['components', i, 'components'], row.components, 5);
    asArray(row.components).forEach((child, j) => {
      if (!isObject(child)) return;
      maxLength(errors, ['components', i, 'components', j, 'custom_id'], child.custom_id, 100);
      maxLength(errors, ['components', i, 'components', j, 'label'], child.label, 80);
    });
  });
}

/** Limits on a message body (channel message, interaction reply, webhook edit). */
export function messageBodyErrors(body: Json): FormError[] {
  const errors: FormError[] = [];
  maxLength(errors, ['content'], body.content, 2000);
  embedErrors(body.embeds, errors);
  componentErrors(body.components, errors);
  if (body.nonce !== undefined && String(body.nonce).length > 25) {
    errors.push({ path: ['nonce'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  }
  return errors;
}

export function isEmptyMessage(body: Json, fileCount: number): boolean {
  const has = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value));
  return !has(body.content) && !has(body.embeds) && !has(body.components) && !has(body.sticker_ids) && !has(body.poll) && fileCount === 0;
}

function choiceErrors(choices: unknown, path: FormError['path'], errors: FormError[]): void {
  maxItems(errors, path, choices, 25);
  asArray(choices).forEach((choice, i) => {
    if (!isObject(choice)) return;
    const name = typeof choice.name === 'string' ? choice.name : '';
    if (name.length < 1 || name.length > 100) {
      errors.push({ path: [...path, i, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
    }
    maxLength(errors, [...path, i, 'value'], choice.value, 100);
  });
}

/** Limits on an autocomplete result (callback type 8). */
export function autocompleteErrors(data: Json): FormError[] {
  const errors: FormError[] = [];
  choiceErrors(data.choices, ['data', 'choices'], errors);
  return errors;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function nameAndDescriptionErrors(item: Json, path: FormError['path'], errors: FormError[], needsDescription: boolean): void {
  const name = typeof item.name === 'string' ? item.name : '';
  if (!COMMAND_NAME.test(name) || (needsDescription && name !== name.toLowerCase())) {
    errors.push({ path: [...path, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
  }
  const description = typeof item.description === 'string' ? item.description : '';
  if (needsDescription && (description.length < 1 || description.length > 100)) {
    errors.push({ path: [...path, 'description'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  }
}

function optionErrors(options: unknown, path: FormError['path'], errors: FormError[]): void {
  maxItems(errors, path, options, 25);
  let sawOptional = false;
  asArray(options).forEach((option, i) => {
    if (!isObject(option)) return;
    nameAndDescriptionErrors(option, [...path, i], errors, true);
    choiceErrors(option.choices, [...path, i, 'choices'], errors);
    if (option.required === true && sawOptional) {
      errors.push({ path: [...path, i, 'required'], code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
    }
    if (option.required !== true) sawOptional = true;
    const nests = option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup;
    if (nests) optionErrors(option.options, [...path, i, 'options'], errors);
  });
}

/** Limits on a bulk overwrite of application commands. */
export function commandListErrors(commands: unknown): FormError[] {
  const errors: FormError[] = [];
  if (!Array.isArray(commands)) {
    return [{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }];
  }
  const seen = new Set<string>();
  commands.forEach((command, i) => {
    if (!isObject(command)) return;
    const type = (command.type as number | undefined) ?? ApplicationCommandType.ChatInput;
    nameAndDescriptionErrors(command, [i], errors, type === ApplicationCommandType.ChatInput);
    optionErrors(command.options, [i, 'options'], errors);
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key)) {
      errors.push({ path: [i, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' });
    }
    seen.add(key);
  });
  const chatInputCount = commands.filter((c) => isObject(c) && (c.type ?? 1) === ApplicationCommandType.ChatInput).length;
  if (chatInputCount > 100) errors.push({ path: [], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
  return errors;
}
