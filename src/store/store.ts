// The query layer: every read and write of reports and incidents, the same on both back ends.
import { sql, type Kysely, type Selectable } from 'kysely';
import { acledTyping, type Claim, type Evidence, type Grade, type Incident, type IncidentCandidate, type IncidentRole, type IncidentSummary, type Measure, type Place, type Qualifier, type Report, type Stance, type Tally } from '../types.js';
import { CASUALTY_MEASURES } from '../reconcile/cluster.js';
import { shiftDate } from '../util/dates.js';
import { groupBy } from '../util/group-by.js';
import { connect, type Connection, type StoreLocation } from './connect.js';
import type { ClaimsTable, Database, IncidentsTable, ReportsTable, TalliesTable } from './schema.js';
import { countIncidents, filterKey, INCIDENT_COLUMNS, incidentPage, incidentSummaryPage, type IncidentFilter, type IncidentPageQuery, type ReviewStatus } from './incident-query.js';
import { storableJson, storableRow, storableText } from './storable.js';

/** An analyst's decision on an incident. */
export interface Review {
  status: ReviewStatus;
  by: string | null;
  at: string | null;
}

function reviewFromRow(row: { review_status: string; reviewed_by: string | null; reviewed_at: string | null }): Review {
  return { status: row.review_status as ReviewStatus, by: row.reviewed_by, at: row.reviewed_at };
}

/** One human decision as the audit log keeps it. */
export interface AuditEntry {
  id: number;
  /** ISO time of the decision. */
  at: string;
  /** Who decided. */
  actor: string;
  action: string;
  incidentId: string | null;
  reportId: string | null;
  /** Why, in the person's words. */
  reason: string | null;
  before: unknown;
  after: unknown;
}

/** Totals of the incident list kept for one version of the incidents table: enough for every filter in use, bounded against a client sending endless new ones. */
const COUNTS_KEPT = 10_000;

export class Store {
  /** The list's totals, by filter, at one version of the incidents table (`countAndKeep`). */
  private totals: { version: number; counts: Map<string, number> } = { version: -1, counts: new Map() };

  private constructor(
    private readonly connection: Connection,
    /** Set on the view `serialised` gives: its queries run in that transaction, under the clustering lock. */
    private readonly inTransaction = false,
  ) {}

  static async open(location: StoreLocation): Promise<Store> {
    return new Store(await connect(location));
  }

  get db(): Kysely<Database> {
    return this.connection.db;
  }

  get backend(): Connection['backend'] {
    return this.connection.backend;
  }

  get where(): string {
    return this.connection.where;
  }

  /** The data directory's lock, held while the store is open (PGlite on disk only). */
  get lock(): Connection['lock'] {
    return this.connection.lock;
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  /** Stores a report; returns false when a report with the same clean-text hash exists. */
  async saveReport(report: Report): Promise<boolean> {
    const result = await this.db
      .insertInto('reports')
      .values(reportToRow(report))
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async getReport(id: string): Promise<Report | null> {
    const [report] = await this.getReports([id]);
    return report ?? null;
  }

  /** Reports with their running tallies. */
  async getReports(ids: string[]): Promise<Report[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('reports').selectAll().where('id', 'in', ids).execute();
    const tallies = groupBy(await this.tallies({ reportIds: ids }), (t) => t.reportId ?? '');
    return rows.map((row) => reportFromRow(row, tallies.get(row.id) ?? []));
  }

  /** The outlet name and URL of each report, without its text. */
  async reportSources(ids: string[]): Promise<Array<{ id: string; sourceName: string | null; url: string | null }>> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('reports').select(['id', 'source_name', 'url']).where('id', 'in', ids).execute();
    return rows.map((row) => ({ id: row.id, sourceName: row.source_name, url: row.url }));
  }

  /** Running tallies, in report and text order: of some reports, or of every report published in [from, to]. */
  async tallies(filter: { reportIds?: string[]; from?: string; to?: string } = {}): Promise<Tally[]> {
    let query = this.db.selectFrom('tallies').innerJoin('reports', 'reports.id', 'tallies.report_id').selectAll('tallies');
    if (filter.reportIds) query = query.where('tallies.report_id', 'in', filter.reportIds);
    if (filter.from) query = query.where('reports.published', '>=', filter.from);
    if (filter.to) query = query.where('reports.published', '<=', filter.to);
    const rows = await query.orderBy('reports.published').orderBy('tallies.report_id').orderBy('tallies.position').execute();
    return rows.map(tallyFromRow);
  }

  /** Clustering's candidates for an incident on `date`: incidents within `days` of it, in its country when known, ordered by id. */
  async candidatesNear(date: string | null, country: string | null, days: number): Promise<IncidentCandidate[]> {
    if (!date) return [];
    return this.candidatesOnDates([{ country, dates: Array.from({ length: 2 * days + 1 }, (_, i) => shiftDate(date, i - days)) }]);
  }

  /** Inserts or replaces an incident with its claims and report links, atomically. */
  async saveIncident(incident: Incident): Promise<void> {
    await this.db.transaction().execute((trx) => writeIncidents(trx, [incident]));
  }

  /**
   * Runs `work` in one transaction that holds the clustering lock, with a store whose reads and
   * writes run in it: what `work` reads no other writer changes before it commits.
   */
  async serialised<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${CLUSTER_LOCK})`.execute(trx);
      return work(new Store({ ...this.connection, db: trx }, true));
    });
  }

  /** Writes incidents as a person decided them: their report links become the person's. Only inside `serialised`. */
  async writeDecided(incidents: Incident[]): Promise<void> {
    await writeIncidents(this.transactionDb(), incidents, true);
  }

  /** Deletes incidents with their claims and links. Only inside `serialised`. */
  async deleteIncidents(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.transactionDb().deleteFrom('incidents').where('id', 'in', ids).execute();
  }

  /** Sets columns of an incident by hand: the values, and the pins that make every later machine write keep them. Only inside `serialised`. */
  async pinFields(id: string, columns: Record<string, string | number | null>): Promise<void> {
    await this.transactionDb()
      .updateTable('incidents')
      .set({ ...columns, human_fields: sql`human_fields || ${JSON.stringify(columns)}::jsonb`, updated_at: new Date().toISOString() } as never)
      .where('id', '=', id)
      .execute();
  }

  /** What `vigil recluster` keeps: the report links a person made, and the incidents with fields a person set. */
  async humanDecisions(): Promise<{ links: Array<{ incidentId: string; reportId: string }>; pinnedIncidentIds: string[] }> {
    const links = await this.db.selectFrom('incident_reports').select(['incident_id', 'report_id']).where('decided_by_human', '=', true).orderBy('incident_id').orderBy('report_id').execute();
    const pinned = await this.db.selectFrom('incidents').select('id').where(sql<boolean>`human_fields <> '{}'::jsonb`).orderBy('id').execute();
    return { links: links.map((l) => ({ incidentId: l.incident_id, reportId: l.report_id })), pinnedIncidentIds: pinned.map((r) => r.id) };
  }

  /** Every report id, oldest publication first (then by ingestion): the order `vigil recluster` reads them in. */
  async reportIdsInOrder(): Promise<string[]> {
    const rows = await this.db.selectFrom('reports').select('id').orderBy(sql`published asc nulls last`).orderBy('ingested_at').orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  /** Every incident id. */
  async incidentIds(): Promise<string[]> {
    return (await this.db.selectFrom('incidents').select('id').orderBy('id').execute()).map((r) => r.id);
  }

  /** Inserts or replaces incidents as the machine reconciled them (human decisions stand, as in every machine write). */
  async writeIncidents(incidents: Incident[]): Promise<void> {
    await this.atomically((trx) => writeIncidents(trx, incidents));
  }

  /** Appends a decision to the audit log. Only inside `serialised`, with the writes it records. */
  async appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.transactionDb()
      .insertInto('audit_log')
      .values({
        at: entry.at,
        actor: storableText(entry.actor),
        action: entry.action,
        incident_id: entry.incidentId,
        report_id: entry.reportId,
        reason: entry.reason === null ? null : storableText(entry.reason),
        before: entry.before === null ? null : storableJson(entry.before),
        after: entry.after === null ? null : storableJson(entry.after),
      })
      .execute();
  }

  /** The audit log of one incident, oldest first. */
  async auditOf(incidentId: string): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('audit_log').selectAll().where('incident_id', '=', incidentId).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, incidentId: r.incident_id, reportId: r.report_id, reason: r.reason, before: r.before, after: r.after }));
  }

  /** The incidents a report is linked to, and whether a person put it there. */
  async incidentsOfReport(reportId: string): Promise<Array<{ incidentId: string; decidedByHuman: boolean }>> {
    const rows = await this.db.selectFrom('incident_reports').select(['incident_id', 'decided_by_human']).where('report_id', '=', reportId).orderBy('incident_id').execute();
    return rows.map((r) => ({ incidentId: r.incident_id, decidedByHuman: r.decided_by_human }));
  }

  /** Stored report ids that start with `prefix` (at most two: one is an answer, two say it is ambiguous). */
  async reportIdsStartingWith(prefix: string): Promise<string[]> {
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.db.selectFrom('reports').select('id').where('id', 'like', pattern).orderBy('id').limit(2).execute();
    return rows.map((r) => r.id);
  }

  /** Runs `work` in a transaction: the one `serialised` holds, or a new one. */
  private atomically<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.inTransaction ? work(this.db) : this.db.transaction().execute(work);
  }

  private transactionDb(): Kysely<Database> {
    if (!this.inTransaction) throw new Error('a decision write must run inside Store.serialised');
    return this.db;
  }

  /**
   * Stores a report and the incidents read from it in one transaction, so a crash leaves
   * either both or neither. Returns false (and writes nothing) when the report is already stored.
   */
  async saveIngested(report: Report, incidents: Incident[]): Promise<boolean> {
    return this.atomically(async (trx) => {
      if (!(await insertReportVersions(trx, [report]))[0]) return false;
      await writeIncidents(trx, incidents);
      return true;
    });
  }

  /**
   * `saveIngested` for many reports in one transaction (one commit instead of one per report).
   * Each incident is written once, in its last state. Returns, per item, whether it was stored.
   */
  async saveIngestedBatch(items: Array<{ report: Report; incidents: Incident[] }>): Promise<boolean[]> {
    if (items.length === 0) return [];
    return this.atomically(async (trx) => {
      const stored = await insertReportVersions(trx, items.map((i) => i.report));
      // A report another writer stored meanwhile keeps its incidents out, as in saveIngested.
      await writeIncidents(trx, items.flatMap(({ incidents }, i) => (stored[i] ? incidents : [])));
      return stored;
    });
  }

  /** Which of these report ids are stored already. */
  async storedReportIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('reports').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  }

  /** The versions of the page at `url`, oldest first: each links to the one it replaced. */
  async reportVersions(url: string): Promise<Array<{ id: string; previousVersionId: string | null; ingestedAt: string }>> {
    const rows = await this.db.selectFrom('reports').select(['id', 'previous_version_id', 'ingested_at']).where('url', '=', url).execute();
    const byPrevious = new Map(rows.map((r) => [r.previous_version_id, r]));
    const chain = [];
    for (let row = byPrevious.get(null); row; row = byPrevious.get(row.id)) chain.push({ id: row.id, previousVersionId: row.previous_version_id, ingestedAt: row.ingested_at });
    return chain;
  }

  /**
   * Clustering's candidates for a batch of reports: incidents dated on one of a window's dates, in
   * its country (any, for a window without one), ordered by id: an index scan a window, on the
   * (country, date) or the date index as the planner finds cheaper.
   */
  async candidatesOnDates(windows: Array<{ country: string | null; dates: string[] }>): Promise<IncidentCandidate[]> {
    const wanted = windows.filter((w) => w.dates.length > 0);
    if (wanted.length === 0) return [];
    const query = this.selectCandidates().where((eb) => eb.or(wanted.map(({ country, dates }) => (country ? eb.and([eb('country', '=', country), eb('event_date', 'in', dates)]) : eb('event_date', 'in', dates)))));
    return (await query.orderBy('id').execute()).map(candidateFromRow);
  }

  /** Only the columns clustering compares: a candidate's claims, notes and evidence are read only if a report joins it. */
  private selectCandidates() {
    return this.db
      .selectFrom('incidents')
      .select(['id', 'event_type', 'sub_event_type', 'event_date', 'time_precision', 'location', 'admin1', 'country', 'latitude', 'longitude', 'geo_precision', 'geonameid', 'sites', 'actor1', 'signature'])
      .select(sql<Evidence[] | null>`evidence->'actor1'`.as('actor1_evidence'))
      .select((eb) => eb.exists(eb.selectFrom('claims').select('claims.id').whereRef('claims.incident_id', '=', 'incidents.id').where('claims.measure', 'in', CASUALTY_MEASURES)).$castTo<boolean>().as('casualties'));
  }

  async feedState(url: string): Promise<{ etag: string | null; lastModified: string | null } | null> {
    const row = await this.db.selectFrom('feeds').select(['etag', 'last_modified']).where('url', '=', url).executeTakeFirst();
    return row ? { etag: row.etag, lastModified: row.last_modified } : null;
  }

  async saveFeedState(url: string, state: { etag: string | null; lastModified: string | null }): Promise<void> {
    const row = { etag: state.etag, last_modified: state.lastModified, checked_at: new Date().toISOString() };
    await this.db
      .insertInto('feeds')
      .values({ url, ...row })
      .onConflict((oc) => oc.column('url').doUpdateSet(row))
      .execute();
  }

  /** The item keys (guid or link) of a feed not taken before. */
  async unseenFeedItems(feedUrl: string, keys: string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await this.db.selectFrom('feed_items').select('item_key').where('feed_url', '=', feedUrl).where('item_key', 'in', keys.map(storableText)).execute();
    const seen = new Set(rows.map((r) => r.item_key));
    return keys.filter((k) => !seen.has(storableText(k)));
  }

  async markFeedItemsSeen(feedUrl: string, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const seenAt = new Date().toISOString();
    await this.db
      .insertInto('feed_items')
      .values(keys.map((key) => ({ feed_url: feedUrl, item_key: storableText(key), seen_at: seenAt })))
      .onConflict((oc) => oc.columns(['feed_url', 'item_key']).doNothing())
      .execute();
  }

  async hasReport(id: string): Promise<boolean> {
    return (await this.db.selectFrom('reports').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /** Incidents matching the filter, newest first (at most `limit`, default 10,000). */
  async listIncidents(filter: IncidentPageQuery = {}): Promise<Incident[]> {
    return (await this.incidentPage({ limit: 10_000, ...filter })).incidents;
  }

  /** One page of incidents in the requested order, with each one's review and the next page's cursor. */
  async incidentPage(query: IncidentPageQuery): Promise<{ incidents: Incident[]; reviews: Map<string, Review>; nextCursor: string | null }> {
    const { rows, nextCursor } = await incidentPage(this.db, query);
    return { incidents: await this.withClaims(rows), reviews: new Map(rows.map((row) => [row.id, reviewFromRow(row)])), nextCursor };
  }

  /**
   * One page of the incident list: summaries, their reports' sources and reviews, the next
   * page's cursor, and on the first page (no cursor) how many incidents match in all.
   */
  async incidentList(query: IncidentPageQuery): Promise<{ incidents: IncidentSummary[]; sources: Map<string, Pick<Report, 'id' | 'sourceName' | 'url'>>; reviews: Map<string, Review>; nextCursor: string | null; total: number | null }> {
    const kept = this.inTransaction || query.cursor ? undefined : { version: this.totals.version, count: this.totals.counts.get(filterKey(query)) };
    // On PostgreSQL a total not kept is counted on another connection beside the page rather
    // than after it; PGlite runs one statement at a time, and a page that is not full needs none.
    const counting = this.backend === 'postgres' && kept?.count === undefined && !query.cursor ? this.countAndKeep(query) : null;
    // Handled here so that a page that fails, or needs no count, leaves no unhandled rejection; awaited below when used.
    void counting?.catch(() => undefined);
    const { rows, nextCursor, version } = await incidentSummaryPage(this.db, query);
    const sources = new Map<string, Pick<Report, 'id' | 'sourceName' | 'url'>>();
    const incidents = rows.map((row) => {
      for (const [id, sourceName, url] of row.sources) sources.set(id, { id, sourceName, url });
      return summaryFromRow(row, row.sources.map(([id]) => id));
    });
    const reviews = new Map(rows.map((row) => [row.id, reviewFromRow(row)]));
    // A first page that is not full holds every match: its length is the total (a count begun
    // beside it still ends, and is kept). A kept total holds while the table is at its version.
    let total: number | null = null;
    if (!query.cursor) {
      if (nextCursor === null) total = rows.length;
      else if (counting) total = await counting;
      else if (kept?.count !== undefined && kept.version === version) total = kept.count;
      else total = await this.countAndKeep(query);
    }
    return { incidents, sources, reviews, nextCursor, total };
  }

  /**
   * How many incidents match `filter`, kept for the version of the incidents table it was
   * counted at (read in the same statement): `incidentList` answers it again until a statement
   * writes to the table. Counts are kept outside transactions only, whose versions are committed.
   */
  private async countAndKeep(filter: IncidentFilter): Promise<number> {
    const { count, version } = await countIncidents(this.db, filter);
    if (this.inTransaction || version < this.totals.version) return count;
    if (version > this.totals.version) this.totals = { version, counts: new Map() };
    if (this.totals.counts.size >= COUNTS_KEPT) this.totals.counts.delete(this.totals.counts.keys().next().value!);
    this.totals.counts.set(filterKey(filter), count);
    return count;
  }

  async review(id: string): Promise<Review | null> {
    const row = await this.db.selectFrom('incidents').select(['review_status', 'reviewed_by', 'reviewed_at']).where('id', '=', id).executeTakeFirst();
    return row ? reviewFromRow(row) : null;
  }

  /** Records an analyst's decision on an incident; false when there is no such incident. */
  async setReview(id: string, status: ReviewStatus, by: string): Promise<boolean> {
    const result = await this.db.updateTable('incidents').set({ review_status: status, reviewed_by: by, reviewed_at: new Date().toISOString() }).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The report with this id, or with this id's prefix (the short id the CLI prints) when only one has it. */
  async findReport(idOrPrefix: string): Promise<Report | null> {
    if (!/^[0-9a-f]{8,64}$/.test(idOrPrefix)) return null;
    const rows = await this.db.selectFrom('reports').select('id').where('id', 'like', `${idOrPrefix}%`).limit(2).execute();
    return rows.length === 1 ? this.getReport(rows[0]!.id) : null;
  }

  /** Reports newest first, without their text, with how many incidents each tells. */
  async listReports(page: { limit: number; offset: number }) {
    const rows = await this.db
      .selectFrom('reports')
      .select(['id', 'title', 'url', 'source_name', 'published', 'ingested_at'])
      .select((eb) => eb.selectFrom('incident_reports').select((e) => e.fn.countAll<string>().as('n')).whereRef('incident_reports.report_id', '=', 'reports.id').as('incidents'))
      .orderBy(sql`published desc nulls last`)
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    const total = Number((await this.db.selectFrom('reports').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    return { total, reports: rows.map((row) => ({ ...row, incidents: Number(row.incidents ?? 0) })) };
  }

  async getIncident(id: string): Promise<Incident | null> {
    const row = await this.db.selectFrom('incidents').select(INCIDENT_COLUMNS).where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const [incident] = await this.withClaims([row]);
    return incident ?? null;
  }

  async counts(): Promise<{ reports: number; incidents: number; claims: number }> {
    const count = async (table: 'reports' | 'incidents' | 'claims') =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    return { reports: await count('reports'), incidents: await count('incidents'), claims: await count('claims') };
  }

  private async withClaims(rows: Selectable<IncidentsTable>[]): Promise<Incident[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [claims, links] = await Promise.all([
      // A claim's publication time is its report's.
      this.db.selectFrom('claims').leftJoin('reports', 'reports.id', 'claims.report_id').selectAll('claims').select('reports.published').where('incident_id', 'in', ids).orderBy('incident_id').orderBy('position').execute(),
      this.db.selectFrom('incident_reports').selectAll().where('incident_id', 'in', ids).orderBy('report_id').execute(),
    ]);
    const claimsOf = groupBy(claims, (c) => c.incident_id);
    const reportsOf = groupBy(links, (l) => l.incident_id);
    return rows.map((row) =>
      incidentFromRow(
        row,
        (claimsOf.get(row.id) ?? []).map(claimFromRow),
        (reportsOf.get(row.id) ?? []).map((l) => l.report_id),
      ),
    );
  }
}


/**
 * Inserts reports unless their clean text is stored (false for those); a new text at a known URL
 * becomes that page's next version. Three statements for the whole list.
 */
async function insertReportVersions(trx: Kysely<Database>, reports: Report[]): Promise<boolean[]> {
  const urls = [...new Set(reports.flatMap((r) => (r.url ? [r.url] : [])))];
  const heads = new Map<string, string>();
  if (urls.length > 0) {
    const latest = await trx
      .selectFrom('reports as r')
      .select(['r.id', 'r.url'])
      .where('r.url', 'in', urls)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('reports as next').select('next.id').whereRef('next.previous_version_id', '=', 'r.id'))))
      .orderBy('r.ingested_at', 'asc')
      .execute();
    for (const { id, url } of latest) heads.set(url!, id);
  }
  const rows = reports.map((report) => {
    const previous = report.url ? heads.get(report.url) : undefined;
    if (report.url) heads.set(report.url, report.id);
    return { ...reportToRow(report), previous_version_id: previous === report.id ? null : (previous ?? null) };
  });
  const inserted = new Set<string>();
  for (let i = 0; i < rows.length; i += 1000) {
    const done = await trx
      .insertInto('reports')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    for (const { id } of done) inserted.add(id);
  }
  // Only the first of two equal reports in one list is stored.
  const stored = reports.map((r) => inserted.delete(r.id));
  const tallies = reports.flatMap((report, i) => (stored[i] ? report.tallies.map((tally, position) => tallyToRow(tally, report.id, position)) : []));
  for (let i = 0; i < tallies.length; i += 2000) await trx.insertInto('tallies').values(tallies.slice(i, i + 2000)).execute();
  return stored;
}

/**
 * The key of the transaction-scoped advisory lock that serialises clustering and every write of
 * incidents: a writer reads the incidents it may merge into and writes its result under it, so
 * two writers never reconcile against views that miss each other's work.
 */
const CLUSTER_LOCK = 0x5649_4731; // "VIG1"

/**
 * Inserts or replaces incidents with their claims and report links: a handful of statements for
 * the whole list. An id listed twice keeps its last state, as if each had been written in turn.
 * Human decisions stand: a report a person placed in another incident is left out of this one,
 * a column a person set keeps its value, and a machine write never drops a person's link. A
 * person's write (`decidedByHuman`) makes every listed link theirs and drops the links it no
 * longer lists.
 */
async function writeIncidents(trx: Kysely<Database>, list: Incident[], decidedByHuman = false): Promise<void> {
  const latest = [...new Map(list.map((i) => [i.id, i])).values()];
  if (latest.length === 0) return;
  const ids = latest.map((i) => i.id);
  const incidents = decidedByHuman ? latest : await withoutOverruledReports(trx, latest);
  const pins = await pinnedFields(trx, ids);
  const now = new Date().toISOString();
  const rows = incidents.map((incident) => ({ ...incidentToRow(incident, now), ...pins.get(incident.id) }));
  const updated = Object.keys(incidentToRow(incidents[0]!, now)).filter((column) => column !== 'id');
  await trx
    .insertInto('incidents')
    .values(rows.map((row) => ({ ...row, created_at: now })))
    .onConflict((oc) => oc.column('id').doUpdateSet(Object.fromEntries(updated.map((column) => [column, sql.ref(`excluded.${column}`)])) as never))
    .execute();
  await trx.deleteFrom('claims').where('incident_id', 'in', ids).execute();
  const claims = incidents.flatMap((incident) => incident.claims.map((claim, position) => claimToRow(claim, incident.id, position)));
  // PostgreSQL takes at most 65,535 parameters a statement.
  for (let i = 0; i < claims.length; i += 2000) await trx.insertInto('claims').values(claims.slice(i, i + 2000)).execute();
  let unlink = trx.deleteFrom('incident_reports').where('incident_id', 'in', ids);
  if (!decidedByHuman) unlink = unlink.where('decided_by_human', '=', false);
  await unlink.execute();
  const links = incidents.flatMap((incident) => incident.reportIds.map((reportId) => ({ incident_id: incident.id, report_id: reportId, decided_by_human: decidedByHuman })));
  for (let i = 0; i < links.length; i += 10_000) {
    await trx
      .insertInto('incident_reports')
      .values(links.slice(i, i + 10_000))
      .onConflict((oc) => oc.columns(['incident_id', 'report_id']).doNothing())
      .execute();
  }
}

/** Incidents without the reports (and their claims) a person placed in another incident. */
async function withoutOverruledReports(trx: Kysely<Database>, incidents: Incident[]): Promise<Incident[]> {
  const reportIds = [...new Set(incidents.flatMap((i) => i.reportIds))];
  const homes = new Map<string, Set<string>>();
  for (let i = 0; i < reportIds.length; i += 10_000) {
    const rows = await trx
      .selectFrom('incident_reports')
      .select(['incident_id', 'report_id'])
      .where('decided_by_human', '=', true)
      .where('report_id', 'in', reportIds.slice(i, i + 10_000))
      .execute();
    for (const row of rows) homes.set(row.report_id, (homes.get(row.report_id) ?? new Set()).add(row.incident_id));
  }
  if (homes.size === 0) return incidents;
  return incidents.map((incident) => {
    const belongs = (reportId: string | undefined) => reportId === undefined || !homes.has(reportId) || homes.get(reportId)!.has(incident.id);
    return { ...incident, reportIds: incident.reportIds.filter(belongs), claims: incident.claims.filter((c) => belongs(c.reportId)) };
  });
}

/** The columns a person set by hand, per incident id. */
async function pinnedFields(trx: Kysely<Database>, ids: string[]): Promise<Map<string, Record<string, unknown>>> {
  const pins = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < ids.length; i += 10_000) {
    const rows = await trx
      .selectFrom('incidents')
      .select(['id', 'human_fields'])
      .where('id', 'in', ids.slice(i, i + 10_000))
      .where(sql<boolean>`human_fields <> '{}'::jsonb`)
      .execute();
    for (const row of rows) pins.set(row.id, row.human_fields);
  }
  return pins;
}

function reportToRow(report: Report) {
  return storableRow({
    id: report.id,
    url: report.url,
    title: report.title,
    source_name: report.sourceName,
    published: report.published,
    raw: report.raw,
    text: report.text,
    captions: storableJson(report.captions),
    language: report.language,
    ingested_at: report.ingestedAt,
  });
}

function reportFromRow(row: Selectable<ReportsTable>, tallies: Tally[] = []): Report {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    sourceName: row.source_name,
    published: row.published,
    raw: row.raw,
    text: row.text,
    captions: row.captions,
    language: row.language,
    ingestedAt: row.ingested_at,
    tallies,
  };
}

/** An incident as its row in `incidents` (also what the bench seed copies). */
export function incidentToRow(incident: Incident, now: string) {
  const place = incident.place;
  return storableRow({
    id: incident.id,
    event_type: incident.eventType,
    sub_event_type: incident.subEventType,
    event_date: incident.date,
    time_precision: incident.timePrecision,
    location: place?.name ?? null,
    admin1: place?.admin1 ?? null,
    country: place?.country ?? null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    geo_precision: place?.geoPrecision ?? null,
    geonameid: place?.geonameId ?? null,
    sites: storableJson(place?.sites ?? []),
    actor1: incident.actor1,
    actor2: incident.actor2,
    fatalities_low: incident.fatalities.low,
    fatalities_best: incident.fatalities.best,
    fatalities_high: incident.fatalities.high,
    civilian_fatalities_low: incident.civilianFatalities.low,
    civilian_fatalities_high: incident.civilianFatalities.high,
    injured_low: incident.injured.low,
    injured_high: incident.injured.high,
    sources_count: incident.sourcesCount,
    grade: incident.grade,
    grade_reason: incident.gradeReason,
    attribution: storableJson(incident.attribution),
    flags: storableJson(incident.flags),
    signature: JSON.stringify(incident.signature),
    notes: incident.notes,
    evidence: storableJson(incident.evidence),
    role: incident.role,
    updated_at: now,
  });
}

type PlaceColumns = Pick<Selectable<IncidentsTable>, 'location' | 'admin1' | 'country' | 'latitude' | 'longitude' | 'geo_precision' | 'sites' | 'geonameid'>;

function placeFromRow(row: PlaceColumns): Place | null {
  if (row.location === null && row.country === null) return null;
  return {
    name: row.location ?? row.country ?? '',
    admin1: row.admin1,
    country: row.country,
    latitude: row.latitude,
    longitude: row.longitude,
    geoPrecision: (row.geo_precision ?? 3) as 1 | 2 | 3,
    sites: row.sites,
    geonameId: row.geonameid,
  };
}

function candidateFromRow(row: PlaceColumns & Pick<Selectable<IncidentsTable>, 'id' | 'event_type' | 'sub_event_type' | 'event_date' | 'time_precision' | 'actor1' | 'signature'> & { actor1_evidence: Evidence[] | null; casualties: boolean }): IncidentCandidate {
  return {
    id: row.id,
    ...acledTyping(row.event_type, row.sub_event_type),
    date: row.event_date,
    timePrecision: row.time_precision as Incident['timePrecision'],
    place: placeFromRow(row),
    actor1: row.actor1,
    signature: row.signature,
    evidence: row.actor1_evidence ? { actor1: row.actor1_evidence } : {},
    casualties: row.casualties,
  };
}

function incidentFromRow(row: Selectable<IncidentsTable>, claims: Claim[], reportIds: string[]): Incident {
  return { ...summaryFromRow(row, reportIds), claims, attribution: row.attribution, flags: row.flags, signature: row.signature, evidence: row.evidence };
}

type SummaryRow = Omit<Selectable<IncidentsTable>, 'evidence' | 'human_fields' | 'attribution' | 'flags' | 'signature' | 'created_at' | 'updated_at'>;

function summaryFromRow(row: SummaryRow, reportIds: string[]): IncidentSummary {
  return {
    id: row.id,
    role: row.role as IncidentRole,
    ...acledTyping(row.event_type, row.sub_event_type),
    date: row.event_date,
    timePrecision: row.time_precision as Incident['timePrecision'],
    place: placeFromRow(row),
    actor1: row.actor1,
    actor2: row.actor2,
    fatalities: { low: row.fatalities_low, best: row.fatalities_best, high: row.fatalities_high },
    civilianFatalities: { low: row.civilian_fatalities_low, high: row.civilian_fatalities_high },
    injured: { low: row.injured_low, high: row.injured_high },
    sourcesCount: row.sources_count,
    grade: row.grade as Grade | null,
    gradeReason: row.grade_reason,
    reportIds,
    notes: row.notes,
  };
}

function tallyToRow(tally: Tally, reportId: string, position: number) {
  return storableRow({
    report_id: reportId,
    position,
    measure: tally.measure,
    victims: tally.victims,
    qualifier: tally.qualifier,
    low: tally.low,
    high: tally.high,
    vague_word: tally.vagueWord,
    speaker: tally.speaker,
    outlet: tally.outlet,
    period: tally.period,
    scope: tally.scope,
    hedges: storableJson(tally.hedges),
    evidence: storableJson(tally.evidence),
    sentence: storableJson(tally.sentence),
  });
}

function tallyFromRow(row: Selectable<TalliesTable>): Tally {
  return {
    measure: row.measure as Measure,
    victims: row.victims,
    qualifier: row.qualifier as Qualifier,
    low: row.low,
    high: row.high,
    vagueWord: row.vague_word,
    stance: 'asserts',
    speaker: row.speaker,
    outlet: row.outlet,
    actor: null,
    hedges: row.hedges,
    evidence: row.evidence,
    sentence: row.sentence,
    reportId: row.report_id,
    period: row.period,
    scope: row.scope,
  };
}

function claimToRow(claim: Claim, incidentId: string, position: number) {
  if (!claim.reportId) throw new Error(`claim "${claim.evidence.text}" has no report id`);
  return storableRow({
    incident_id: incidentId,
    report_id: claim.reportId,
    position,
    measure: claim.measure,
    victims: claim.victims,
    qualifier: claim.qualifier,
    low: claim.low,
    high: claim.high,
    vague_word: claim.vagueWord,
    stance: claim.stance,
    speaker: claim.speaker,
    outlet: claim.outlet,
    actor: claim.actor,
    hedges: storableJson(claim.hedges),
    evidence: storableJson(claim.evidence),
    sentence: storableJson(claim.sentence),
  });
}

function claimFromRow(row: Selectable<ClaimsTable> & { published: string | null }): Claim {
  return {
    measure: row.measure as Measure,
    victims: row.victims,
    qualifier: row.qualifier as Qualifier,
    low: row.low,
    high: row.high,
    vagueWord: row.vague_word,
    stance: row.stance as Stance,
    speaker: row.speaker,
    outlet: row.outlet,
    actor: row.actor,
    hedges: row.hedges,
    evidence: row.evidence,
    sentence: row.sentence,
    reportId: row.report_id,
    published: row.published,
  };
}
