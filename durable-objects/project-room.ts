// One ProjectRoom per project: the single writer for the project's page texts, annotations,
// comments and seq-numbered event log, and the hub of its WebSockets. Lifecycle only here;
// what each message does lives in plain functions beside this file.
import { DurableObject } from "cloudflare:workers";
import type { AnnotationPatch, DiscussionCountDto } from "../protocol/annotations";
import { DurableEventInput, PING_FRAME, PONG_FRAME } from "../protocol/realtime";
import { newId } from "../worker/lib/crypto";
import * as annotations from "./annotations";
import * as backup from "./backup";
import { handleFrame, type RoomContext } from "./client-messages";
import * as comments from "./comments";
import { discussionCounts } from "./discussion";
import { FrameLimiter } from "./frame-limit";
import * as pageStore from "./page-store";
import * as referencesStore from "./references-store";
import * as searchIndex from "./search-index";
import { giveBackLease, leaseIdOf, leaseTags, openLeaseIds, readLeaseId } from "./socket-leases";
import { Coalescer, presenceList, type SocketAttachment } from "./presence";
import { appendEvent, pruneEvents } from "./room-events";
import { migrate, type Sql } from "./room-storage";
import type { Actor, Write } from "./room-writes";
import { attachmentOf, broadcast, MAX_SOCKETS_PER_USER, openSockets, readIdentity, send, userTag } from "./sockets";

export type { PageText } from "./page-store";
export type { AnnotationCursor, AnnotationInput, AnnotationResult } from "./annotations";
export type { CommentFilter, CommentInput, CommentResult } from "./comments";
export type { Actor } from "./room-writes";

function errorResponse(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

export class ProjectRoom extends DurableObject<Env> {
  private readonly presence = new Coalescer(() => this.broadcastPresence());
  private readonly room: RoomContext = {
    sql: this.ctx.storage.sql,
    now: () => Date.now(),
    presenceChanged: () => this.presence.request(),
    limiter: new FrameLimiter(),
  };
  private destroyed = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      migrate(ctx.storage);
    });
    // Answered by the runtime without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
  }

  // ---- WebSocket lifecycle ---------------------------------------------------------------

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return errorResponse(426, "upgrade_required", "This endpoint only speaks WebSocket.");
    }
    const identity = readIdentity(request.headers);
    const leaseId = readLeaseId(request.headers);
    if (!identity || this.destroyed) {
      await giveBackLease(this.env.DB, leaseId);
      return errorResponse(400, "bad_request", "The connection carries no user.");
    }

    const pair = new WebSocketPair();
    const [client, server] = [pair[0], pair[1]];
    if (openSockets(this.ctx, userTag(identity.userId)).length >= MAX_SOCKETS_PER_USER) {
      // Accepted outside hibernation only to say why, then closed at once.
      await giveBackLease(this.env.DB, leaseId);
      server.accept();
      server.close(1008, `At most ${MAX_SOCKETS_PER_USER} open connections per user and project.`);
      return new Response(null, { status: 101, webSocket: client });
    }

    this.ctx.acceptWebSocket(server, [userTag(identity.userId), ...leaseTags(leaseId)]);
    const seq = this.lastSeq();
    const attachment: SocketAttachment = { ...identity, documentId: null, page: null, movedAt: Date.now(), joinedSeq: seq };
    server.serializeAttachment(attachment);
    send(server, { type: "hello", seq, userId: identity.userId, presence: this.presenceNow() });
    this.presence.request();
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    handleFrame(this.room, ws, message);
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    try {
      // Completes the closing handshake; 1005/1006 are reserved and cannot be sent back.
      ws.close(code === 1005 || code === 1006 ? 1000 : code, "Closed.");
    } catch {
      // Already closed.
    }
    this.presence.request();
    await giveBackLease(this.env.DB, leaseIdOf(this.ctx, ws));
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.presence.request();
    await giveBackLease(this.env.DB, leaseIdOf(this.ctx, ws));
  }

  // ---- RPC: the worker and the queue consumer --------------------------------------------

  /** Of the given socket leases (worker/abuse/socket-slots.ts), those whose socket is still open here. */
  async openLeases(leaseIds: string[]): Promise<string[]> {
    return openLeaseIds(this.ctx, leaseIds);
  }

  /** Numbers, stores and broadcasts one durable event; returns its seq. */
  async publish(event: DurableEventInput): Promise<number> {
    this.assertLive();
    // Validated even from trusted callers: whatever is stored here is replayed to clients for an hour.
    const input = DurableEventInput.parse(event);
    const now = Date.now();
    const numbered = this.ctx.storage.transactionSync(() => {
      const appended = appendEvent(this.ctx.storage.sql, input, now);
      pruneEvents(this.ctx.storage.sql, now);
      return appended;
    });
    // The output gate holds these sends until the write above is durable.
    broadcast(openSockets(this.ctx), numbered);
    return numbered.seq;
  }

  /** Upserts a batch of page texts (1-based pages); the same batch twice leaves one set of rows. */
  async putPages(documentId: string, pages: pageStore.PageText[]): Promise<number> {
    this.assertLive();
    return this.ctx.storage.transactionSync(() => {
      const written = pageStore.putPages(this.ctx.storage.sql, documentId, pages);
      searchIndex.indexPages(this.ctx.storage.sql, documentId, pages);
      return written;
    });
  }

  /** Deletes a document's page texts (and what was read from them); returns how many pages went. */
  async deletePages(documentId: string): Promise<number> {
    this.assertLive();
    return this.ctx.storage.transactionSync(() => {
      searchIndex.unindexDocument(this.ctx.storage.sql, documentId);
      referencesStore.deleteReferences(this.ctx.storage.sql, documentId);
      return pageStore.deletePages(this.ctx.storage.sql, documentId);
    });
  }

  /** Title, authors and abstract for the search index (their matches boost a paper's rank). */
  async setDocumentMeta(documentId: string, meta: searchIndex.DocumentMeta): Promise<void> {
    this.assertLive();
    this.ctx.storage.transactionSync(() => searchIndex.indexMeta(this.ctx.storage.sql, documentId, meta));
  }

  async search(request: searchIndex.SearchRequest): Promise<searchIndex.SearchHit[]> {
    this.assertLive();
    return searchIndex.search(this.ctx.storage.sql, request);
  }

  async getPage(documentId: string, page: number): Promise<string | null> {
    this.assertLive();
    return pageStore.getPage(this.ctx.storage.sql, documentId, page);
  }

  /** Stored pages from..to (inclusive), in page order. */
  async getPages(documentId: string, from: number, to: number): Promise<pageStore.PageText[]> {
    this.assertLive();
    return pageStore.getPages(this.ctx.storage.sql, documentId, from, to);
  }

  async pageCount(documentId: string): Promise<number> {
    this.assertLive();
    return pageStore.pageCount(this.ctx.storage.sql, documentId);
  }

  // ---- RPC: references (durable-objects/references-store.ts) ------------------------------
  // `targets` are the project's papers from D1: links are computed on every read.

  async putReferences(documentId: string, entries: referencesStore.ReferenceInput[]): Promise<number> {
    this.assertLive();
    return this.ctx.storage.transactionSync(() => referencesStore.replaceReferences(this.ctx.storage.sql, documentId, entries));
  }

  async getReferences(documentId: string, targets: referencesStore.LinkTarget[]) {
    this.assertLive();
    const sql = this.ctx.storage.sql;
    return { items: referencesStore.referencesWithLinks(sql, documentId, targets), citedBy: referencesStore.citedBy(sql, documentId, targets) };
  }

  async citationEdges(targets: referencesStore.LinkTarget[]): Promise<{ from: string; to: string }[]> {
    this.assertLive();
    return referencesStore.citationEdges(this.ctx.storage.sql, targets);
  }

  /** Highlights, comments and open threads per paper that has any (durable-objects/discussion.ts). */
  async discussion(): Promise<DiscussionCountDto[]> {
    this.assertLive();
    return discussionCounts(this.ctx.storage.sql);
  }

  /** The seq of the newest durable event (0 before the first). */
  async currentSeq(): Promise<number> {
    this.assertLive();
    return this.lastSeq();
  }

  // ---- RPC: annotations and comments -------------------------------------------------------
  // The worker checked membership and role; these check authorship and versions. Refusals come
  // back as values, not exceptions: a rejected RPC is noisy for callers and tests alike.

  async listAnnotations(documentId: string, limit: number, after: annotations.AnnotationCursor | null = null) {
    this.assertLive();
    return annotations.listAnnotations(this.ctx.storage.sql, documentId, limit, after);
  }

  async getAnnotation(id: string) {
    this.assertLive();
    return annotations.getAnnotation(this.ctx.storage.sql, id);
  }

  async createAnnotation(input: annotations.AnnotationInput, actor: Actor): Promise<annotations.AnnotationResult> {
    return this.write((sql, now) => annotations.createAnnotation(sql, input, actor, now, input.id ?? newId()));
  }

  async updateAnnotation(id: string, patch: AnnotationPatch, expectedVersion: number, actor: Actor): Promise<annotations.AnnotationResult> {
    return this.write((sql, now) => annotations.updateAnnotation(sql, id, patch, expectedVersion, actor, now));
  }

  async deleteAnnotation(id: string, actor: Actor): Promise<annotations.AnnotationResult> {
    return this.write((sql, now) => annotations.deleteAnnotation(sql, id, actor, now));
  }

  async listComments(documentId: string, limit: number, afterOrd = 0, filter: comments.CommentFilter = {}) {
    this.assertLive();
    return comments.listComments(this.ctx.storage.sql, documentId, limit, afterOrd, filter);
  }

  async getComment(id: string) {
    this.assertLive();
    return comments.getComment(this.ctx.storage.sql, id);
  }

  async createComment(input: comments.CommentInput, actor: Actor): Promise<comments.CommentResult> {
    return this.write((sql, now) => comments.createComment(sql, input, actor, now, input.id ?? newId()));
  }

  async updateComment(id: string, body: string, expectedVersion: number | undefined, actor: Actor): Promise<comments.CommentResult> {
    return this.write((sql, now) => comments.updateComment(sql, id, body, expectedVersion, actor, now));
  }

  async setCommentResolved(id: string, resolved: boolean, actor: Actor): Promise<comments.CommentResult> {
    return this.write((sql, now) => comments.setResolved(sql, id, resolved, actor, now));
  }

  async deleteComment(id: string, actor: Actor): Promise<comments.CommentResult> {
    return this.write((sql) => comments.deleteComment(sql, id, actor));
  }

  /** A document's highlights in reading order and all its comments (the Markdown export). */
  async exportDocument(documentId: string) {
    this.assertLive();
    const sql = this.ctx.storage.sql;
    return { annotations: annotations.allAnnotations(sql, documentId), comments: comments.allComments(sql, documentId) };
  }

  /** Drops a deleted document's highlights and comments; returns how many of each went. */
  async deleteDocumentData(documentId: string): Promise<{ annotations: number; comments: number }> {
    this.assertLive();
    return this.ctx.storage.transactionSync(() => annotations.deleteDocumentData(this.ctx.storage.sql, documentId));
  }

  /** Closes every socket a removed member holds. */
  async disconnectUser(userId: string): Promise<number> {
    let closed = 0;
    for (const ws of openSockets(this.ctx, userTag(userId))) {
      ws.close(4003, "You are no longer a member of this project.");
      closed++;
    }
    if (closed > 0) this.presence.request();
    return closed;
  }

  /** Wipes the room's storage when its project is deleted. */
  async destroy(): Promise<void> {
    for (const ws of this.ctx.getWebSockets()) ws.close(4004, "This project was deleted.");
    this.destroyed = true;
    await this.ctx.storage.deleteAll();
  }

  // ---- RPC: backup and restore (durable-objects/backup.ts) ---------------------------------

  /** One bounded chunk of the room's rows from `cursor` on (the search index is left out). */
  async exportSnapshot(cursor: backup.ExportCursor | null = null, maxBytes?: number): Promise<backup.ExportChunk> {
    this.assertLive();
    return backup.exportChunk(this.ctx.storage.sql, cursor, maxBytes);
  }

  /** Restores rows: `reset` wipes the room first (even a destroyed one); pages are re-indexed. */
  async importSnapshot(step: backup.ImportStep): Promise<backup.ImportResult> {
    if (step.reset) {
      for (const ws of this.ctx.getWebSockets()) ws.close(4005, "This project is being restored from a backup.");
      await this.ctx.storage.deleteAll();
      this.destroyed = false;
      migrate(this.ctx.storage);
    }
    this.assertLive();
    return this.ctx.storage.transactionSync(() => backup.importStep(this.ctx.storage.sql, step));
  }

  // ---- helpers ---------------------------------------------------------------------------

  private lastSeq(): number {
    return this.ctx.storage.sql.exec<{ value: number }>("SELECT value FROM room_meta WHERE key = 'last_seq'").toArray()[0]?.value ?? 0;
  }

  private presenceNow() {
    return presenceList(openSockets(this.ctx).flatMap((ws) => attachmentOf(ws) ?? []));
  }

  private broadcastPresence(): void {
    const sockets = openSockets(this.ctx);
    broadcast(sockets, { type: "presence", users: presenceList(sockets.flatMap((ws) => attachmentOf(ws) ?? [])) });
  }

  /**
   * Runs one write and numbers, stores and prunes the events it causes, all in one transaction;
   * then broadcasts them (the output gate holds the sends until the transaction is durable).
   */
  private write<R>(change: (sql: Sql, now: number) => Write<R>): R {
    this.assertLive();
    const sql = this.ctx.storage.sql;
    const now = Date.now();
    const { result, numbered } = this.ctx.storage.transactionSync(() => {
      const written = change(sql, now);
      // Validated like publish(): whatever is stored here is replayed to clients for an hour.
      const numbered = written.events.map((event) => appendEvent(sql, DurableEventInput.parse(event), now));
      if (numbered.length > 0) pruneEvents(sql, now);
      return { result: written.result, numbered };
    });
    const sockets = openSockets(this.ctx);
    for (const event of numbered) broadcast(sockets, event);
    return result;
  }

  /** After destroy() the tables are gone; refuse rather than recreate a deleted project's data. */
  private assertLive(): void {
    if (this.destroyed) throw new Error("This project's room was deleted.");
  }
}
