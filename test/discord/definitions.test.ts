/**
 * Every command definition against Discord's rules for chat-input commands:
 * https://discord.com/developers/docs/interactions/application-commands#application-command-object
 */
import { ApplicationCommandOptionType } from 'discord.js';
import type { APIApplicationCommandOption } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { commandDefinitions, commands } from '../../commands/index.js';
import { isAnswerCommand } from '../../src/discord/command.js';
import { engine } from '../answers/engine.js';

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** Discord's size rule: names, descriptions and choice names and values, across every localization, at most 8,000 characters. */
function commandSize(definition: (typeof commandDefinitions)[number]): number {
  const options = (definition.options ?? []) as APIApplicationCommandOption[];
  const optionSize = (option: APIApplicationCommandOption): number =>
    option.name.length +
    option.description.length +
    ('choices' in option && option.choices ? option.choices.reduce((sum, choice) => sum + choice.name.length + String(choice.value).length, 0) : 0) +
    ('options' in option && option.options ? (option.options as APIApplicationCommandOption[]).reduce((sum, sub) => sum + optionSize(sub), 0) : 0);
  return definition.name.length + definition.description.length + options.reduce((sum, option) => sum + optionSize(option), 0);
}

function checkOption(option: APIApplicationCommandOption, where: string): void {
  expect(option.name, where).toMatch(NAME);
  expect(option.name, `${where}: names are lowercase`).toBe(option.name.toLowerCase());
  expect(option.description.length, where).toBeGreaterThanOrEqual(1);
  expect(option.description.length, where).toBeLessThanOrEqual(100);
  if ('choices' in option && option.choices) {
    expect(option.choices.length, where).toBeLessThanOrEqual(25);
    for (const choice of option.choices) {
      expect(choice.name.length, where).toBeGreaterThanOrEqual(1);
      expect(choice.name.length, where).toBeLessThanOrEqual(100);
    }
    expect('autocomplete' in option && option.autocomplete, `${where}: choices and autocomplete exclude each other`).toBeFalsy();
  }
  if (option.type === ApplicationCommandOptionType.String) {
    const min = option.min_length ?? 0;
    const max = option.max_length ?? 6000;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThanOrEqual(6000);
    expect(min).toBeLessThanOrEqual(max);
  }
  if ('options' in option && option.options) {
    expect(option.options.length, where).toBeLessThanOrEqual(25);
    for (const sub of option.options as APIApplicationCommandOption[]) checkOption(sub, `${where} ${sub.name}`);
  }
}

describe('command definitions', () => {
  it('offer the eight commands of the briefing, each once', () => {
    const names = commandDefinitions.map((definition) => definition.name);
    expect(names).toEqual(expect.arrayContaining(['brief', 'help', 'who', 'timeline', 'onthisday', 'quote', 'sources', 'ask']));
    expect(new Set(names).size).toBe(names.length);
    expect(commandDefinitions.length).toBeLessThanOrEqual(100); // Discord's limit on chat-input commands per scope
  });

  for (const definition of commandDefinitions) {
    it(`/${definition.name} follows Discord's rules`, () => {
      expect(definition.name).toMatch(NAME);
      expect(definition.name).toBe(definition.name.toLowerCase());
      expect(definition.description.length).toBeGreaterThanOrEqual(1);
      expect(definition.description.length).toBeLessThanOrEqual(100);
      const options = (definition.options ?? []) as APIApplicationCommandOption[];
      expect(options.length).toBeLessThanOrEqual(25);
      expect(new Set(options.map((option) => option.name)).size).toBe(options.length);
      // Required options come first.
      const firstOptional = options.findIndex((option) => !('required' in option && option.required));
      if (firstOptional >= 0) expect(options.slice(firstOptional).some((option) => 'required' in option && option.required)).toBe(false);
      for (const option of options) checkOption(option, `/${definition.name} ${option.name}`);
      expect(commandSize(definition)).toBeLessThanOrEqual(8000);
      expect(JSON.stringify(definition).length).toBeLessThanOrEqual(8000);
    });
  }

  it('every autocomplete option has a handler that offers choices for it', () => {
    for (const command of commands) {
      const autocompleted = ((command.definition.options ?? []) as APIApplicationCommandOption[]).filter((option) => 'autocomplete' in option && option.autocomplete);
      if (autocompleted.length === 0) continue;
      expect(command.autocomplete, `/${command.definition.name}`).toBeTypeOf('function');
      if (!isAnswerCommand(command)) continue;
      for (const option of autocompleted) {
        const choices = command.autocomplete?.(option.name, '', { engine, now: new Date(), services: {} }) ?? [];
        expect(choices.length, `/${command.definition.name} ${option.name}`).toBeGreaterThan(0);
        expect(choices.length).toBeLessThanOrEqual(25);
      }
    }
  });
});
