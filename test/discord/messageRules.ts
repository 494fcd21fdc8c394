/**
 * Discord's message limits, checked independently of the renderer's own
 * arithmetic: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
import { expect } from 'vitest';
import type { APIEmbed } from 'discord-api-types/v10';
import type { MessagePayload } from '../../src/discord/payload.js';

export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

export function expectWithinDiscordLimits(payload: MessagePayload): void {
  expect((payload.content ?? '').length).toBeLessThanOrEqual(2000);
  const embeds = payload.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(10);
  expect(payload.content || embeds.length > 0 || (payload.components ?? []).length > 0, 'a message needs something in it').toBeTruthy();
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const field of embed.fields ?? []) {
      expect(field.name.trim().length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(256);
      expect(field.value.trim().length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(1024);
    }
    if (embed.title !== undefined) expect(embed.title.trim().length).toBeGreaterThan(0);
    if (embed.description !== undefined) expect(embed.description.trim().length).toBeGreaterThan(0);
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(6000);

  const rows = payload.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(5);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const component of row.components) {
      if ('custom_id' in component) {
        expect(component.custom_id.length).toBeGreaterThan(0);
        expect(component.custom_id.length).toBeLessThanOrEqual(100);
        expect(ids.has(component.custom_id), `duplicate custom_id ${component.custom_id}`).toBe(false);
        ids.add(component.custom_id);
      }
      if ('label' in component && component.label !== undefined) expect(component.label.length).toBeLessThanOrEqual(80);
      if ('options' in component && Array.isArray(component.options)) {
        expect(component.options.length).toBeGreaterThan(0);
        expect(component.options.length).toBeLessThanOrEqual(25);
        for (const option of component.options) {
          expect(option.label.length).toBeGreaterThan(0);
          expect(option.label.length).toBeLessThanOrEqual(100);
          expect(option.value.length).toBeLessThanOrEqual(100);
          expect(option.description?.length ?? 0).toBeLessThanOrEqual(100);
        }
      }
    }
  }
}
