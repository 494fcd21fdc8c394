import { describe, expect, it } from 'vitest';
import { closeDatabase } from '../../src/store/database.js';
import {
  claimDelivery,
  deliveriesSince,
  deliveryHistory,
  getDelivery,
  lastDelivery,
  markDelivered,
  markFailed,
  markSkipped,
  pruneDeliveries,
} from '../../src/store/deliveries.js';
import { useTempDatabases } from './tempDatabase.js';

const temp = useTempDatabases();
const key = { channelId: 'chan-1', localDate: '2025-06-02' };
const t0 = new Date('2025-06-02T07:00:00Z');
const t1 = new Date('2025-06-02T07:01:00Z');
const t2 = new Date('2025-06-02T07:02:00Z');

describe('deliveries', () => {
  it('claims a day once: a new row, status claimed, first attempt', () => {
    const db = temp.open();
    const claim = claimDelivery(db, { ...key, nonce: 'nonce-a' }, t0);
    expect(claim).toEqual({
      ...key,
      status: 'claimed',
      nonce: 'nonce-a',
      messageId: null,
      claimedAt: t0,
      deliveredAt: null,
      attempts: 1,
      error: null,
    });
    expect(getDelivery(db, key)).toEqual(claim);
  });

  it('re-claims an unfinished row with its original nonce and counts the attempt', () => {
    const db = temp.open();
    claimDelivery(db, { ...key, nonce: 'nonce-a' }, t0);
    const retry = claimDelivery(db, { ...key, nonce: 'some-other-nonce' }, t1);
    expect(retry).toMatchObject({ status: 'claimed', nonce: 'nonce-a', attempts: 2, claimedAt: t1 });
  });

  it('re-claims a failed row, keeping the nonce', () => {
    const db = temp.open();
    claimDelivery(db, { ...key, nonce: 'nonce-a' }, t0);
    expect(markFailed(db, key, '503 Service Unavailable')).toBe(true);
    expect(getDelivery(db, key)).toMatchObject({ status: 'failed', error: '503 Service Unavailable' });
    expect(claimDelivery(db, { ...key, nonce: 'x' }, t1)).toMatchObject({ status: 'claimed', nonce: 'nonce-a', attempts: 2 });
  });

  it('refuses to claim a delivered day, and leaves it untouched', () => {
    const db = temp.open();
    claimDelivery(db, { ...key, nonce: 'nonce-a' }, t0);
    expect(markDelivered(db, key, 'msg-1', t1)).toBe(true);
    const delivered = getDelivery(db, key);
    expect(delivered).toMatchObject({ status: 'delivered', messageId: 'msg-1', deliveredAt: t1, error: null });
    expect(claimDelivery(db, { ...key, nonce: 'nonce-a' }, t2)).toBeUndefined();
    expect(markDelivered(db, key, 'msg-2', t2)).toBe(false);
    expect(getDelivery(db, key)).toEqual(delivered);
  });

  it('refuses to claim a skipped day', () => {
    const db = temp.open();
    claimDelivery(db, { ...key, nonce: 'nonce-a' }, t0);
    expect(markSkipped(db, key, 'nothing to post')).toBe(true);
    expect(claimDelivery(db, { ...key, nonce: 'nonce-a' }, t1)).toBeUndefined();
    expect(getDelivery(db, key)).toMatchObject({ status: 'skipped', error: 'nothing to post' });
  });

  it('keeps days and channels apart', () => {
    const db = temp.open();
    expect(claimDelivery(db, { ...key, nonce: 'a' }, t0)?.attempts).toBe(1);
    expect(claimDelivery(db, { ...key, localDate: '2025-06-03', nonce: 'b' }, t0)?.attempts).toBe(1);
    expect(claimDelivery(db, { ...key, channelId: 'chan-2', nonce: 'c' }, t0)?.attempts).toBe(1);
  });

  it('the schema itself forbids a second row for the same channel and day', () => {
    const db = temp.open();
    claimDelivery(db, { ...key, nonce: 'a' }, t0);
    const insert = db.prepare(
      "INSERT INTO deliveries (channel_id, local_date, status, nonce, claimed_at) VALUES (?, ?, 'claimed', 'b', ?)",
    );
    expect(() => insert.run(key.channelId, key.localDate, t1.toISOString())).toThrow(
      expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }),
    );
  });

  it('the schema rejects nonces Discord would reject, bad dates and unknown statuses', () => {
    const db = temp.open();
    expect(() => claimDelivery(db, { ...key, nonce: 'n'.repeat(26) }, t0)).toThrow(/CHECK/);
    expect(() => claimDelivery(db, { ...key, localDate: '2025-6-2', nonce: 'n' }, t0)).toThrow(/CHECK/);
    claimDelivery(db, { ...key, nonce: 'n' }, t0);
    expect(() => db.prepare("UPDATE deliveries SET status = 'sent'").run()).toThrow(/CHECK/);
  });

  it('answers history questions and prunes old days', () => {
    const db = temp.open();
    for (const localDate of ['2025-05-30', '2025-06-01', '2025-05-31']) {
      claimDelivery(db, { channelId: 'chan-1', localDate, nonce: localDate }, t0);
    }
    claimDelivery(db, { channelId: 'chan-2', localDate: '2025-06-02', nonce: 'x' }, t0);
    expect(lastDelivery(db, 'chan-1')?.localDate).toBe('2025-06-01');
    expect(lastDelivery(db, 'chan-3')).toBeUndefined();
    expect(deliveryHistory(db, 'chan-1', 2).map((d) => d.localDate)).toEqual(['2025-06-01', '2025-05-31']);
    expect(deliveriesSince(db, '2025-06-01').map((d) => `${d.channelId} ${d.localDate}`).sort()).toEqual([
      'chan-1 2025-06-01',
      'chan-2 2025-06-02',
    ]);
    expect(pruneDeliveries(db, '2025-06-01')).toBe(2);
    expect(deliveryHistory(db, 'chan-1').map((d) => d.localDate)).toEqual(['2025-06-01']);
  });

  it('a claim survives closing and reopening the file', () => {
    const db = temp.open();
    claimDelivery(db, { ...key, nonce: 'nonce-a' }, t0);
    closeDatabase(db);
    const reopened = temp.open();
    expect(claimDelivery(reopened, { ...key, nonce: 'other' }, t1)).toMatchObject({ nonce: 'nonce-a', attempts: 2 });
  });
});
