// The gateway: HELLO, IDENTIFY → READY + GUILD_CREATE per guild, heartbeats,
// sequence numbers, and RESUME replaying what a dropped session missed.
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from 'discord-api-types/v10';
import type { GatewayReadyDispatchData } from 'discord-api-types/v10';
import { WebSocket, WebSocketServer } from 'ws';
import { randomToken } from './entities.js';

export interface GatewayOptions {
  token: string;
  heartbeatIntervalMs: number;
  /** Built per session, so it reflects the guilds at IDENTIFY time. */
  ready: (sessionId: string, resumeUrl: string) => GatewayReadyDispatchData;
  guildCreates: () => unknown[];
}

export interface GatewayLogEntry {
  at: number;
  direction: 'in' | 'out' | 'connect' | 'close';
  op?: number;
  t?: string | null;
  s?: number | null;
  sessionId?: string;
  detail?: string;
}

interface Session {
  id: string;
  intents: number;
  seq: number;
  /** Every dispatch of the session, kept so a RESUME can replay what was missed. */
  history: { s: number; t: string; frame: string }[];
  connection: Connection | undefined;
}

interface Connection {
  socket: WebSocket;
  session: Session | undefined;
  compress: boolean;
}

const MAX_REPLAY_HISTORY = 50_000;
const VALID_INTENTS = Object.values(GatewayIntentBits)
  .filter((bit): bit is number => typeof bit === 'number')
  .reduce((all, bit) => all | bit, 0);

export type GatewayEvent = 'identified' | 'resumed' | 'disconnected';

export class Gateway extends EventEmitter<Record<GatewayEvent, [sessionId: string]>> {
  readonly log: GatewayLogEntry[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly connections = new Set<Connection>();
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly startedAt = Date.now();

  constructor(
    private readonly options: GatewayOptions,
    private readonly resumeUrl: () => string,
  ) {
    super();
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
  }

  /** Sends a dispatch to every live session whose intents cover `intent` (buffered while disconnected). */
  dispatch(event: GatewayDispatchEvents | string, data: unknown, intent?: GatewayIntentBits): number {
    let delivered = 0;
    for (const session of this.sessions.values()) {
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      this.send(session, event, data);
      delivered++;
    }
    return delivered;
  }

  /** True once a bot has identified and its session is still resumable. */
  hasSession(): boolean {
    return this.sessions.size > 0;
  }

  connectedCount(): number {
    return [...this.connections].filter((c) => c.session).length;
  }

  /** Closes every socket with a resumable code; the sessions survive for RESUME. */
  dropConnections(code = GatewayCloseCodes.UnknownError as number): void {
    for (const connection of this.connections) {
      this.record({ direction: 'close', sessionId: connection.session?.id, detail: `server closed with ${code}` });
      connection.socket.close(code, 'local-discord: dropped on purpose');
    }
  }

  /** Opcode 7: Discord asking the client to reconnect and resume. */
  requestReconnect(): void {
    for (const connection of this.connections) this.sendFrame(connection, { op: GatewayOpcodes.Reconnect, d: null });
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: WebSocket, request: IncomingMessage): void {
    const connection: Connection = { socket, session: undefined, compress: false };
    this.connections.add(connection);
    this.record({ direction: 'connect', detail: request.url ?? '' });
    socket.on('close', (code) => this.onClose(connection, code));
    socket.on('message', (raw) => this.onMessage(connection, raw.toString()));

    const query = new URL(request.url ?? '/', 'ws://local').searchParams;
    const encoding = query.get('encoding') ?? 'json';
    if (query.get('v') !== '10' || encoding !== 'json' || query.has('compress')) {
      // Not modelled: ETF, zlib-stream transport compression, other API versions.
      socket.close(GatewayCloseCodes.InvalidAPIVersion, 'local-discord speaks v=10, encoding=json, no compress');
      return;
    }
    this.sendFrame(connection, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
  }

  private onMessage(connection: Connection, raw: string): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(raw) as { op?: unknown; d?: unknown };
    } catch {
      connection.socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    this.record({ direction: 'in', op: payload.op as number, sessionId: connection.session?.id });
    const d = (payload.d ?? {}) as Record<string, unknown>;
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.sendFrame(connection, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.identify(connection, d);
        return;
      case GatewayOpcodes.Resume:
        this.resume(connection, d);
        return;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!connection.session) connection.socket.close(GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        return; // accepted and ignored: not modelled
      default:
        connection.socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
  }

  private tokenMatches(token: unknown): boolean {
    return typeof token === 'string' && token.replace(/^Bot /, '') === this.options.token;
  }

  private identify(connection: Connection, d: Record<string, unknown>): void {
    if (connection.session) return connection.socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
    if (!this.tokenMatches(d.token)) return connection.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
    const intents = d.intents;
    if (typeof intents !== 'number' || (intents & ~VALID_INTENTS) !== 0) {
      return connection.socket.close(GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
    }
    const session: Session = { id: randomToken(16), intents, seq: 0, history: [], connection };
    connection.session = session;
    connection.compress = d.compress === true;
    this.sessions.set(session.id, session);
    this.send(session, GatewayDispatchEvents.Ready, this.options.ready(session.id, this.resumeUrl()));
    if ((intents & GatewayIntentBits.Guilds) !== 0) {
      for (const guild of this.options.guildCreates()) this.send(session, GatewayDispatchEvents.GuildCreate, guild);
    }
    this.emit('identified', session.id);
  }

  private resume(connection: Connection, d: Record<string, unknown>): void {
    const session = this.sessions.get(String(d.session_id));
    if (!session || !this.tokenMatches(d.token)) {
      this.sendFrame(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    const lastSeen = typeof d.seq === 'number' ? d.seq : 0;
    if (session.connection && session.connection !== connection) session.connection.socket.close(GatewayCloseCodes.UnknownError);
    session.connection = connection;
    connection.session = session;
    for (const entry of session.history) {
      if (entry.s > lastSeen) this.sendRaw(connection, entry.frame, { op: 0, t: entry.t, s: entry.s, detail: 'replay' });
    }
    this.send(session, GatewayDispatchEvents.Resumed, {});
    this.emit('resumed', session.id);
  }

  private onClose(connection: Connection, code: number): void {
    this.connections.delete(connection);
    const session = connection.session;
    this.record({ direction: 'close', sessionId: session?.id, detail: `socket closed with ${code}` });
    if (!session || session.connection !== connection) return;
    session.connection = undefined;
    // A client closing with 1000/1001 ends its session; any other close leaves it resumable.
    if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    this.emit('disconnected', session.id);
  }

  private send(session: Session, event: string, data: unknown): void {
    session.seq += 1;
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t: event, s: session.seq, d: data });
    session.history.push({ s: session.seq, t: event, frame });
    if (session.history.length > MAX_REPLAY_HISTORY) session.history.shift();
    if (session.connection) this.sendRaw(session.connection, frame, { op: 0, t: event, s: session.seq });
  }

  private sendFrame(connection: Connection, payload: { op: GatewayOpcodes; d?: unknown }): void {
    this.sendRaw(connection, JSON.stringify({ op: payload.op, d: payload.d ?? null, s: null, t: null }), { op: payload.op });
  }

  private sendRaw(connection: Connection, frame: string, entry: Omit<GatewayLogEntry, 'at' | 'direction'>): void {
    if (connection.socket.readyState !== WebSocket.OPEN) return;
    this.record({ direction: 'out', sessionId: connection.session?.id, ...entry });
    // IDENTIFY's `compress: true` asks for zlib-deflated frames (sent as binary).
    connection.socket.send(connection.compress ? deflateSync(frame) : frame);
  }

  private record(entry: Omit<GatewayLogEntry, 'at'>): void {
    this.log.push({ at: Date.now() - this.startedAt, ...entry });
  }
}
