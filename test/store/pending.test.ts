import { describe, expect, it } from 'vitest';
import { claimDelivery, markDelivered, markFailed, markSkipped } from '../../src/store/deliveries.js';
import { listUnfinishedDeliveries } from '../../src/store/pending.js';
import { activeTimeZones, pauseSubscription, upsertSubscription } from '../../src/store/subscriptions.js';
import { useTempDatabases } from './tempDatabase.js';

const temp = useTempDatabases();
const t0 = new Date('2025-06-10T00:00:00Z');

describe('listUnfinishedDeliveries', () => {
  it('returns unpaused subscriptions up to the zone’s latest hour whose day is not finished, with the earlier attempt', () => {
    const db = temp.open();
    const subscribe = (channelId: string, hour: number, timeZone: string) =>
      upsertSubscription(db, { guildId: 'g', channelId, hour, timeZone, createdBy: 'u' }, t0);
    subscribe('fresh', 9, 'Europe/Berlin');
    subscribe('too-late', 12, 'Europe/Berlin');
    subscribe('delivered', 9, 'Europe/Berlin');
    subscribe('skipped', 9, 'Europe/Berlin');
    subscribe('claimed', 9, 'Europe/Berlin');
    subscribe('failed', 9, 'Europe/Berlin');
    subscribe('yesterday-delivered', 9, 'Europe/Berlin');
    subscribe('paused', 9, 'Europe/Berlin');
    subscribe('tokyo', 9, 'Asia/Tokyo');
    subscribe('unlisted-zone', 9, 'America/New_York');
    pauseSubscription(db, 'paused', '403', t0);

    const today = '2025-06-10';
    for (const channelId of ['delivered', 'skipped', 'claimed', 'failed']) {
      claimDelivery(db, { channelId, localDate: today, nonce: `n-${channelId}` }, t0);
    }
    markDelivered(db, { channelId: 'delivered', localDate: today }, 'm1', t0);
    markSkipped(db, { channelId: 'skipped', localDate: today });
    markFailed(db, { channelId: 'failed', localDate: today }, '503');
    claimDelivery(db, { channelId: 'yesterday-delivered', localDate: '2025-06-09', nonce: 'y' }, t0);
    markDelivered(db, { channelId: 'yesterday-delivered', localDate: '2025-06-09' }, 'm0', t0);

    const unfinished = listUnfinishedDeliveries(db, [
      { timeZone: 'Europe/Berlin', localDate: today, latestHour: 11 },
      { timeZone: 'Asia/Tokyo', localDate: '2025-06-11', latestHour: 23 },
    ]);
    const byChannel = new Map(unfinished.map((u) => [u.subscription.channelId, u]));
    expect([...byChannel.keys()].sort()).toEqual(['claimed', 'failed', 'fresh', 'tokyo', 'yesterday-delivered']);
    expect(byChannel.get('tokyo')?.localDate).toBe('2025-06-11');
    expect(byChannel.get('fresh')?.previous).toBeUndefined();
    expect(byChannel.get('claimed')?.previous).toMatchObject({ status: 'claimed', nonce: 'n-claimed', attempts: 1 });
    expect(byChannel.get('failed')?.previous).toMatchObject({ status: 'failed', error: '503', localDate: today });
    expect(byChannel.get('fresh')?.subscription).toMatchObject({ hour: 9, timeZone: 'Europe/Berlin', createdAt: t0 });
  });

  it('takes zone names as data, however they are spelled', () => {
    const db = temp.open();
    expect(listUnfinishedDeliveries(db, [{ timeZone: `x"'); DROP TABLE subscriptions; --`, localDate: '2025-06-10', latestHour: 23 }])).toEqual([]);
    expect(listUnfinishedDeliveries(db, [])).toEqual([]);
    upsertSubscription(db, { guildId: 'g', channelId: 'c', hour: 0, timeZone: 'UTC', createdBy: 'u' }, t0);
    expect(activeTimeZones(db)).toEqual(['UTC']);
  });
});
