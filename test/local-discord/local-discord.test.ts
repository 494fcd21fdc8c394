// The local Discord against the real discord.js 14 Client: login, interactions
// answered through the real REST client, dedup, rate limits, faults, resume.
import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  Locale,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
} from 'discord.js';
import type { Interaction, TextChannel } from 'discord.js';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDiscord } from './index.js';
import type { LocalDiscord, LocalDiscordOptions } from './index.js';

type Handler = (interaction: Interaction) => Promise<unknown>;

interface Harness {
  discord: LocalDiscord;
  client: Client;
  /** The bot's interactionCreate behaviour for the current test. */
  setHandler: (handler: Handler) => void;
  stop: () => Promise<void>;
}

async function startHarness(options: LocalDiscordOptions = {}, rest: { globalRequestsPerSecond?: number } = {}): Promise<Harness> {
  const discord = await startLocalDiscord(options);
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl, ...rest } });
  let handler: Handler = async () => undefined;
  client.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch((error: unknown) => console.error('bot handler failed', error));
  });
  const ready = once(client, Events.ClientReady);
  await client.login(discord.token);
  await ready;
  return {
    discord,
    client,
    setHandler: (next) => {
      handler = next;
    },
    stop: async () => {
      await client.destroy();
      await discord.close();
    },
  };
}

const noPings = { parse: [] };

describe('local Discord with a real discord.js client', () => {
  let h: Harness;
  const textChannel = (id = h.discord.defaultChannelId): TextChannel => h.client.channels.cache.get(id) as TextChannel;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });
  afterEach(() => h.setHandler(async () => undefined));

  it('logs in: ready fires, the guild and its channels are cached, permissions agree with discord.js', async () => {
    const { discord, client } = h;
    expect(client.user?.id).toBe(discord.botUserId);
    expect(client.application?.id).toBe(discord.applicationId);
    const guild = client.guilds.cache.get(discord.defaultGuildId);
    expect(guild?.available).toBe(true);
    expect(guild?.members.me?.id).toBe(discord.botUserId);

    const general = textChannel();
    const perms = general.permissionsFor(guild!.members.me!);
    expect(perms.has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(perms.has(PermissionFlagsBits.ManageMessages)).toBe(false);

    const readOnly = discord.addChannel({ name: 'read-only', botPermissions: PermissionFlagsBits.ViewChannel });
    await expect.poll(() => client.channels.cache.get(readOnly.id)).toBeDefined();
    const readOnlyPerms = (client.channels.cache.get(readOnly.id) as TextChannel).permissionsFor(guild!.members.me!);
    expect(readOnlyPerms.bitfield).toBe(discord.permissionsIn(readOnly.id));
    expect(readOnlyPerms.has(PermissionFlagsBits.SendMessages)).toBe(false);
  });

  it('delivers a slash command with resolved options and receives interaction.reply as callback type 4', async () => {
    const { discord } = h;
    const seen: Record<string, unknown> = {};
    h.setHandler(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      Object.assign(seen, {
        command: interaction.commandName,
        topic: interaction.options.getString('topic'),
        where: interaction.options.getChannel('where')?.id,
        locale: interaction.locale,
        canSend: interaction.appPermissions.has(PermissionFlagsBits.SendMessages),
        channelId: interaction.channelId,
      });
      await interaction.reply({ content: `Briefing on ${interaction.options.getString('topic')}`, allowedMentions: noPings });
    });

    const invoked = discord.sendCommand({ name: 'brief', options: { topic: 'cyber talks', where: discord.guild().channels.get(discord.defaultChannelId)! }, locale: Locale.French });
    const response = await invoked.response();
    expect(response).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'Briefing on cyber talks', allowed_mentions: { parse: [] } } });
    expect(seen).toEqual({ command: 'brief', topic: 'cyber talks', where: discord.defaultChannelId, locale: 'fr', canSend: true, channelId: discord.defaultChannelId });

    const reply = await invoked.visibleReply();
    expect(discord.channelMessages(discord.defaultChannelId).map((m) => m.id)).toContain(reply.message.id);
    expect(reply.message.interaction_metadata).toMatchObject({ id: invoked.id, name: 'brief' });
  });

  it('observes a deferred reply followed by editReply', async () => {
    h.setHandler(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: 'Five sources agree.', allowedMentions: noPings });
    });
    const invoked = h.discord.sendCommand({ name: 'slow' });
    expect((await invoked.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await invoked.nextEdit();
    expect(edit).toMatchObject({ original: true, body: { content: 'Five sources agree.', allowed_mentions: { parse: [] } } });
    const reply = await invoked.visibleReply();
    expect(reply.message.content).toBe('Five sources agree.');
    expect((reply.message.flags ?? 0) & MessageFlags.Loading).toBe(0);
  });

  it('turns the first follow-up after deferReply into the reply, and later ones into new messages', async () => {
    h.setHandler(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.followUp({ content: 'first', allowedMentions: noPings });
      await interaction.followUp({ content: 'second', allowedMentions: noPings });
    });
    const invoked = h.discord.sendCommand({ name: 'slow' });
    const first = await invoked.nextFollowUp();
    const second = await invoked.nextFollowUp();
    expect(first).toMatchObject({ editedLoadingOriginal: true, message: { id: invoked.original()?.id, content: 'first' } });
    expect(second).toMatchObject({ editedLoadingOriginal: false, message: { content: 'second' } });
    expect(second.message.id).not.toBe(first.message.id);
    expect((await invoked.visibleReply()).message.content).toBe('first');
  });

  it('marks an ephemeral reply with flag 64 and keeps it out of the channel history', async () => {
    let returnedId: string | undefined;
    h.setHandler(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const callback = await interaction.reply({ content: 'only you', flags: MessageFlags.Ephemeral, withResponse: true });
      returnedId = callback.resource?.message?.id;
    });
    const invoked = h.discord.sendCommand({ name: 'secret' });
    const reply = await invoked.visibleReply();
    await expect.poll(() => returnedId).toBe(reply.message.id);
    expect(reply.body.flags).toBe(MessageFlags.Ephemeral);
    expect((reply.message.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(h.discord.channelMessages(h.discord.defaultChannelId).map((m) => m.id)).not.toContain(reply.message.id);
  });

  it('lets the bot update the message a clicked button sits on', async () => {
    h.setHandler(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('more').setLabel('More').setStyle(ButtonStyle.Primary));
        await interaction.reply({ content: 'Summary', components: [row], allowedMentions: noPings });
      } else if (interaction.isButton() && interaction.customId === 'more') {
        await interaction.update({ content: 'Summary, expanded', components: [] });
      }
    });
    const command = h.discord.sendCommand({ name: 'brief' });
    const posted = (await command.visibleReply()).message;

    const click = h.discord.sendButton({ customId: 'more', message: posted });
    expect((await click.response()).type).toBe(InteractionResponseType.UpdateMessage);
    const updated = (await click.visibleReply()).message;
    expect(updated).toMatchObject({ id: posted.id, content: 'Summary, expanded', components: [] });
    expect(h.discord.channelMessages(h.discord.defaultChannelId).find((m) => m.id === posted.id)?.content).toBe('Summary, expanded');
    // The button is gone now, so a user can no longer click it.
    expect(() => h.discord.sendButton({ customId: 'more', message: posted })).toThrow(/no component "more"/);
  });

  it('delivers a string select with the chosen values', async () => {
    h.setHandler(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const menu = new StringSelectMenuBuilder().setCustomId('source').addOptions(
          { label: 'Reuters', value: 'reuters' },
          { label: 'NYT', value: 'nyt' },
        );
        await interaction.reply({ content: 'Pick a source', components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)] });
      } else if (interaction.isStringSelectMenu()) {
        await interaction.reply({ content: `You picked ${interaction.values.join(', ')}`, flags: MessageFlags.Ephemeral, allowedMentions: noPings });
      }
    });
    const menu = (await h.discord.sendCommand({ name: 'sources' }).visibleReply()).message;
    const picked = h.discord.sendSelect({ customId: 'source', message: menu, values: ['nyt'] });
    expect((await picked.visibleReply()).message.content).toBe('You picked nyt');
    expect(() => h.discord.sendSelect({ customId: 'source', message: menu, values: ['bbc'] })).toThrow(/offers no bbc/);
  });

  it('returns autocomplete choices', async () => {
    const topics = ['cyber talks', 'state visit', 'climate pledge'];
    h.setHandler(async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      await interaction.respond(topics.filter((t) => t.includes(typed)).map((t) => ({ name: t, value: t })));
    });
    const choices = await h.discord.sendAutocomplete({ name: 'brief', options: { topic: 'vis' }, focused: 'topic' }).choices();
    expect(choices).toEqual([{ name: 'state visit', value: 'state visit' }]);
  });

  it('stores one message for a nonce sent twice with enforce_nonce', async () => {
    const channel = h.discord.addChannel({ name: 'scheduled' });
    await expect.poll(() => h.client.channels.cache.get(channel.id)).toBeDefined();
    const post = (): Promise<unknown> => textChannel(channel.id).send({ content: 'Morning briefing', nonce: 'brief-2015-09-25', enforceNonce: true, allowedMentions: noPings });
    const first = (await post()) as { id: string };
    const second = (await post()) as { id: string };
    expect(second.id).toBe(first.id);
    expect(h.discord.channelMessages(channel.id)).toHaveLength(1);
    expect(h.discord.requestsTo('POST', '/channels/:id/messages').filter((r) => r.path.includes(channel.id))).toHaveLength(2);
  });

  it('answers 403 Missing Permissions when the bot may not send in a channel', async () => {
    const channel = h.discord.addChannel({ name: 'announcements-locked', botPermissions: PermissionFlagsBits.ViewChannel });
    await expect.poll(() => h.client.channels.cache.get(channel.id)).toBeDefined();
    const error = await textChannel(channel.id).send('hello').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50013);
    expect(h.discord.channelMessages(channel.id)).toHaveLength(0);
  });

  it('has discord.js retry a 429 with retry_after, yielding one message', async () => {
    const channel = h.discord.addChannel({ name: 'rate-limited' });
    await expect.poll(() => h.client.channels.cache.get(channel.id)).toBeDefined();
    const hitsBefore = h.discord.rateLimitHits;
    h.discord.failNext({ method: 'POST', route: `/channels/${channel.id}/messages` }, { status: 429, retryAfter: 0.1 });
    await textChannel(channel.id).send('after the limit');
    const [limited, retried] = h.discord.requestsTo('POST', `/channels/${channel.id}/messages`);
    expect([limited?.status, retried?.status]).toEqual([429, 200]);
    expect(limited?.response).toMatchObject({ retry_after: 0.1, global: false });
    // discord.js honoured Retry-After instead of retrying at once.
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(100);
    expect(h.discord.rateLimitHits).toBe(hitsBefore + 1);
    expect(h.discord.channelMessages(channel.id).map((m) => m.content)).toEqual(['after the limit']);
  });

  it('has discord.js retry a 500, and give up after its retries', async () => {
    const channel = h.discord.addChannel({ name: 'flaky' });
    await expect.poll(() => h.client.channels.cache.get(channel.id)).toBeDefined();
    const route = `/channels/${channel.id}/messages`;
    h.discord.failNext({ method: 'POST', route }, { status: 500 });
    await textChannel(channel.id).send('survived one 500');
    expect(h.discord.requestsTo('POST', route).map((r) => r.status)).toEqual([500, 200]);

    h.discord.failNext({ method: 'POST', route }, { status: 500, times: 4 });
    await expect(textChannel(channel.id).send('never stored')).rejects.toThrow();
    expect(h.discord.channelMessages(channel.id).map((m) => m.content)).toEqual(['survived one 500']);
  });

  it('stores a bulk command registration and types interaction options from it', async () => {
    const brief = new SlashCommandBuilder()
      .setName('brief')
      .setDescription('Brief the server')
      .addStringOption((o) => o.setName('topic').setDescription('Topic').setRequired(true).setAutocomplete(true))
      .addNumberOption((o) => o.setName('depth').setDescription('How deep'));
    const stored = (await h.client.rest.put(Routes.applicationGuildCommands(h.discord.applicationId, h.discord.defaultGuildId), { body: [brief.toJSON()] })) as { id: string; name: string }[];
    expect(stored).toHaveLength(1);
    expect(h.discord.registeredCommands(h.discord.defaultGuildId)).toMatchObject([{ id: stored[0]!.id, name: 'brief', guild_id: h.discord.defaultGuildId }]);
    await h.client.rest.put(Routes.applicationCommands(h.discord.applicationId), { body: [{ name: 'about', description: 'About the bot' }] });
    expect(h.discord.registeredCommands().map((c) => c.name)).toEqual(['about']);

    let depth: number | null = null;
    h.setHandler(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      depth = interaction.options.getNumber('depth');
      await interaction.reply({ content: 'ok', allowedMentions: noPings });
    });
    const invoked = h.discord.sendCommand({ name: 'brief', options: { topic: 'visit', depth: 2 } });
    await invoked.response();
    expect(depth).toBe(2);
    expect(invoked.payload.data).toMatchObject({ id: stored[0]!.id, options: [{ name: 'topic', type: 3 }, { name: 'depth', type: 10 }] });
    expect(() => h.discord.sendCommand({ name: 'brief', options: { depth: 1 } })).toThrow(/required option/);

    const invalid = await h.client.rest.put(Routes.applicationCommands(h.discord.applicationId), { body: [{ name: 'Bad Name', description: 'x' }] }).catch((e: unknown) => e);
    expect((invalid as DiscordAPIError).code).toBe(50035);
  });

  it('is resumed after dropConnection: missed interactions are replayed and answered', async () => {
    h.setHandler(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'still here', allowedMentions: noPings });
    });
    const identifiesBefore = h.discord.gatewayLog.filter((e) => e.direction === 'in' && e.op === 2).length;
    const resumed = h.discord.waitForGateway('resumed');
    h.discord.dropConnection();
    const missed = h.discord.sendCommand({ name: 'ping' }); // dispatched while the socket is closing
    await resumed;
    expect((await missed.visibleReply()).message.content).toBe('still here');
    const log = h.discord.gatewayLog;
    expect(log.filter((e) => e.direction === 'in' && e.op === 2)).toHaveLength(identifiesBefore);
    expect(log.some((e) => e.direction === 'in' && e.op === 6)).toBe(true);
    expect(log.some((e) => e.direction === 'connect' && e.detail?.startsWith('/gateway/resume?'))).toBe(true);
    expect(log.some((e) => e.detail === 'replay' && e.t === 'INTERACTION_CREATE')).toBe(true);
  });
});

describe('local Discord limits', () => {
  it('answers global 429s with Discord headers, which discord.js waits out', async () => {
    // discord.js allows itself 50/s; this Discord allows 4/s (login used one), so a burst of 5 must hit the global limit.
    const h = await startHarness({ globalRateLimit: { perSecond: 4 } });
    try {
      const channels = Array.from({ length: 5 }, (_, i) => h.discord.addChannel({ name: `fanout-${i}` }));
      await expect.poll(() => channels.every((c) => h.client.channels.cache.has(c.id))).toBe(true);
      await Promise.all(channels.map((c) => h.client.rest.post(Routes.channelMessages(c.id), { body: { content: 'fan-out', allowed_mentions: noPings } })));
      expect(channels.every((c) => h.discord.channelMessages(c.id).length === 1)).toBe(true);
      expect(h.discord.rateLimitHits).toBeGreaterThan(0);
      const limited = h.discord.requests.find((r) => r.status === 429);
      expect(limited?.response).toMatchObject({ message: 'You are being rate limited.', global: true });
    } finally {
      await h.stop();
    }
  });

  it('rejects an interaction callback that comes after the deadline', async () => {
    const h = await startHarness({ interactionDeadlineMs: 50 });
    try {
      let failure: unknown;
      h.setHandler(async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
        failure = await interaction.reply('too late').catch((e: unknown) => e);
      });
      h.discord.sendCommand({ name: 'slow' });
      await expect.poll(() => failure).toBeInstanceOf(DiscordAPIError);
      expect((failure as DiscordAPIError).code).toBe(10062);
    } finally {
      await h.stop();
    }
  });
});
