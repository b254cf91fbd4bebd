// The request office.js posts at each sync, built as its runtime builds it, to count its bytes: the
// fake Excel (./excel.ts) is over Excel on the web's 5 MB exactly when office.js's body would be.
// Every rule below is read from @microsoft/office-js's dist/excel-web-16.00.debug.js (1.1.110), and
// tests/office-limits.test.ts compares the count with the body the real runtime builds
// (./officeRuntime.ts) for the host's own writes.
//
// - The body is `JSON.stringify` of `{AutoKeepReference, Actions, ObjectPaths}`
//   (ClientRequestBase.buildRequestMessageBodyAndRequestFlags; stringified in
//   RichApiMessageUtility.buildMessageArrayForIRequestExecutor). Counted here as UTF-8 bytes, as it
//   travels in the POST (office-js #1314: ".../EwaInternalWebService.json/ExecuteRichApiRequest").
//   Which count Excel on the web holds to 5 MB is not documented (its error is raised by the host,
//   code 5103); if the body is measured inside a JSON envelope, its quotes are escaped, about a
//   fifth more for a request of many small calls and little more for one of long texts.
// - Ids: one counter per RequestContext (ClientRequestContextBase._nextId), never reset between
//   syncs, so a long write's ids grow to six digits.
// - Every proxy made (a property such as `format`, an indexer such as `worksheets.getItem(name)`, a
//   method such as `getRange(address)`) is an object path with a new id, and is instantiated at once:
//   an "Instantiate" action (ClientObject's constructor → ActionFactory.createInstantiateAction).
//   Range and RangeAreas have `_KeepReference`: in `Excel.run` each also takes a "_KeepReference"
//   call and a second Instantiate (TrackedObjects._autoAdd → _addCommon), and the body says
//   `"AutoKeepReference":true`.
// - A property set is an action of type 4 with `[value]`, a method call one of type 3 with its
//   arguments (`undefined` is sent as null), a load one of type 2 with `QueryInfo.Select`
//   (CommonActionFactory.createSetPropertyAction, ActionFactory.createMethodAction,
//   createQueryAction). A proxy among the arguments is sent as its path's id, with
//   `ReferencedObjectPathIds` (CommonUtility.setMethodArguments).
// - Each request lists every object path its actions reach (with their parents, and a method path's
//   argument paths) once in `ObjectPaths`, and instantiates again a path made in an earlier request
//   before its first use (ClientRequestBase.ensureInstantiateObjectPath, addReferencedObjectPath).
// - The last action to use a path lists it in `"L":[…]` (early dispose,
//   ClientRequestBase._calculateLastUsedObjectPathIds).
// Not modelled: the request that releases kept ranges after `Excel.run` (it carries `_RemoveReference`
// calls, and office.js ignores its failure), and reads' answers (the response is counted in ./excel.ts).

/** An object path, as office.js keeps it (ObjectPath, with its `objectPathInfo`). */
export class ObjectPath {
  constructor(
    readonly id: number,
    readonly parent: ObjectPath | undefined,
    /** UTF-8 bytes of its `objectPathInfo` as JSON (`,"D":true` added once it is untracked). */
    public bytes: number,
    /** The paths among a method path's arguments. */
    readonly argumentPaths: readonly ObjectPath[],
  ) {}
}

/**
 * Cells above which office.js splits a 2-D set of `values`, `numberFormat` or `formulas` itself
 * (setRangePropertiesInBulk, on ExcelApi 1.3 and above): a `_ValidateArraySize(rows, columns)` call,
 * then for each slice of round(1500 / columns) rows the bounding range of its first and last row
 * (`getRow(first).untrack().getBoundingRect(getRow(last).untrack()).untrack()`), and the set on it.
 */
export const BULK_CELLS = 1500;

/** A value with an object path (a proxy): as an argument it is sent as its path's id. */
export interface HasPath {
  readonly path: ObjectPath;
}

const hasPath = (v: unknown): v is HasPath => typeof v === "object" && v !== null && (v as Partial<HasPath>).path instanceof ObjectPath;

interface Action {
  readonly id: number;
  readonly keep?: boolean;
  /** UTF-8 bytes of its `actionInfo` as JSON, without `L`. */
  readonly bytes: number;
  /** None for a trace (it names no object). */
  readonly path?: ObjectPath;
  readonly argumentPaths: readonly ObjectPath[];
}

const utf8 = (text: string) => Buffer.byteLength(text, "utf8");
const digits = (n: number) => String(n).length;

/** `Arguments` (and `ReferencedObjectPathIds` when a proxy is among them) as office.js writes them. */
function argumentInfo(args: readonly unknown[]): { json: string; paths: ObjectPath[] } {
  const paths = args.filter(hasPath).map((a) => a.path);
  if (!paths.length) return { json: `{"Arguments":${JSON.stringify(args)}}`, paths };
  const sent = args.map((a) => (hasPath(a) ? a.path.id : a));
  const ids = args.map((a) => (hasPath(a) ? a.path.id : 0));
  return { json: `{"Arguments":${JSON.stringify(sent)},"ReferencedObjectPathIds":${JSON.stringify(ids)}}`, paths };
}

/** The requests of one RequestContext: what is queued for the next sync, and its bytes. */
export class OfficeRequest {
  private lastId = 0;
  private actions: Action[] = [];
  private instantiated = new Set<ObjectPath>();
  private referenced = new Set<ObjectPath>();
  /** Bytes of the queued actions (without `L`) and of the listed object paths (with their `"id":` keys). */
  private bytes = 0;
  /** `_KeepReference` calls queued: the body says `"AutoKeepReference":true` while there is one. */
  private keeps = 0;
  /** The workbook (the context's root object, made with the context). */
  readonly root: ObjectPath;

  constructor() {
    this.root = this.made(undefined, `"ObjectPathType":1,"Name":""`, []);
  }

  /** A property object (`format`, `worksheets` …): ObjectPathFactory.createPropertyObjectPath. */
  property(parent: ObjectPath, name: string): ObjectPath {
    return this.made(parent, `"ObjectPathType":4,"Name":${JSON.stringify(name)},"ParentObjectPathId":${parent.id}`, []);
  }

  /** An item got by key (`worksheets.getItem(name)`, `borders.getItem(edge)` …): createIndexerObjectPath. */
  indexer(parent: ObjectPath, key: unknown): ObjectPath {
    return this.made(parent, `"ObjectPathType":5,"Name":"","ParentObjectPathId":${parent.id},"ArgumentInfo":{"Arguments":${JSON.stringify([key])}}`, []);
  }

  /** An object a method returns (`getRange(address)`, `worksheets.add(name)` …): createMethodObjectPath; `kept` for Range and RangeAreas. */
  method(parent: ObjectPath, name: string, args: readonly unknown[], kept = false): ObjectPath {
    const info = argumentInfo(args);
    return this.made(parent, `"ObjectPathType":3,"Name":${JSON.stringify(name)},"ParentObjectPathId":${parent.id},"ArgumentInfo":${info.json}`, info.paths, kept);
  }

  /** A property set: `Name` is the property's name capitalised ("values" → "Values"). */
  set(path: ObjectPath, property: string, value: unknown): void {
    this.call(path, 4, property.charAt(0).toUpperCase() + property.slice(1), [value]);
  }

  /** A range's `values`, `numberFormat` or `formulas` set to a grid: in slices past BULK_CELLS cells, as office.js does. */
  setCells(range: ObjectPath, property: "values" | "numberFormat" | "formulas", grid: unknown): void {
    const rows = Array.isArray(grid) ? (grid as unknown[]) : [];
    const columns = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : 0;
    if (rows.length * columns <= BULK_CELLS) return this.set(range, property, grid);
    const sliceRows = Math.max(1, Math.round(BULK_CELLS / columns));
    this.invoke(range, "_ValidateArraySize", [rows.length, columns]);
    for (let at = 0; at < rows.length; at += sliceRows) {
      const last = Math.min(at + sliceRows, rows.length) - 1;
      const first = this.untrack(this.method(range, "GetRow", [at], true));
      const slice = this.untrack(this.method(first, "GetBoundingRect", [{ path: this.untrack(this.method(range, "GetRow", [last], true)) }], true));
      this.set(slice, property, rows.slice(at, last + 1));
    }
  }

  /** `untrack()` (TrackedObjects._removeCommon): its `_KeepReference` call leaves the request, and its path says `"D":true`. */
  untrack(path: ObjectPath): ObjectPath {
    let i = this.actions.length - 1;
    while (i >= 0 && !(this.actions[i]!.keep && this.actions[i]!.path === path)) i--;
    if (i >= 0) {
      this.bytes -= this.actions[i]!.bytes;
      this.actions.splice(i, 1);
      this.keeps--;
    }
    path.bytes += `,"D":true`.length;
    if (this.referenced.has(path)) this.bytes += `,"D":true`.length;
    return path;
  }

  /** A method called for its effect ("Merge", "Delete" …), with its arguments as office.js passes them. */
  invoke(path: ObjectPath, name: string, args: readonly unknown[]): void {
    this.call(path, 3, name, args);
  }

  /** A load: its properties, those of a collection's items without their "items/" (createQueryAction). */
  load(path: ObjectPath, props: string): void {
    const select = props.split(",").map((p) => p.trim().replace(/^items\//, "")).filter(Boolean);
    const id = this.nextId();
    this.use(path, []);
    this.push({ id, bytes: utf8(`{"Id":${id},"ActionType":2,"Name":"","ObjectPathId":${path.id},"QueryInfo":{"Select":${JSON.stringify(select)}}}`), path, argumentPaths: [] });
  }

  /**
   * A trace marker, as an event handler's add or remove queues one (GenericEventHandlers.add →
   * ActionFactory.createTraceMarkerForCallback → createTraceAction): ActionType 5 "Trace" on object
   * path 0, which names no object, so it lists none and is in no "L" list.
   */
  trace(): void {
    const id = this.nextId();
    this.push({ id, bytes: utf8(`{"Id":${id},"ActionType":5,"Name":"Trace","ObjectPathId":0}`), argumentPaths: [] });
  }

  /** UTF-8 bytes of the body office.js would post for what is queued. */
  get size(): number {
    if (!this.actions.length) return 0;
    const frame = `{"AutoKeepReference":${this.keeps > 0},"Actions":[],"ObjectPaths":{}}`;
    return utf8(frame) + this.bytes + (this.actions.length - 1) + Math.max(0, this.referenced.size - 1) + this.lastUses();
  }

  /** Sends what is queued: its bytes, and a new request begins (ids go on). */
  send(): number {
    const size = this.size;
    this.actions = [];
    this.instantiated = new Set();
    this.referenced = new Set();
    this.bytes = 0;
    this.keeps = 0;
    return size;
  }

  private nextId(): number {
    return ++this.lastId;
  }

  private made(parent: ObjectPath | undefined, info: string, argumentPaths: ObjectPath[], kept = false): ObjectPath {
    const id = this.nextId();
    const path = new ObjectPath(id, parent, utf8(`{"Id":${id},${info}}`), argumentPaths);
    this.madeNow(path);
    if (kept) {
      this.call(path, 3, "_KeepReference", [], true);
      this.keeps++;
      this.madeNow(path);
    }
    return path;
  }

  /** ActionFactory.createInstantiateAction: its parent and argument paths first, when this request has not got them. */
  private madeNow(path: ObjectPath): void {
    this.ensure(path.parent);
    for (const p of path.argumentPaths) this.ensure(p);
    this.instantiate(path);
  }

  private call(path: ObjectPath, type: 3 | 4, name: string, args: readonly unknown[], keep = false): void {
    const id = this.nextId();
    const info = argumentInfo(args);
    this.use(path, info.paths);
    this.push({ id, keep, bytes: utf8(`{"Id":${id},"ActionType":${type},"Name":${JSON.stringify(name)},"ObjectPathId":${path.id},"ArgumentInfo":${info.json}}`), path, argumentPaths: info.paths });
  }

  /** ClientObject._addAction: the paths are instantiated in this request before the action uses them. */
  private use(path: ObjectPath, argumentPaths: readonly ObjectPath[]): void {
    this.ensure(path);
    for (const p of argumentPaths) this.ensure(p);
  }

  private ensure(path: ObjectPath | undefined): void {
    if (!path || this.instantiated.has(path)) return;
    this.ensure(path.parent);
    for (const p of path.argumentPaths) this.ensure(p);
    if (!this.instantiated.has(path)) this.instantiate(path);
  }

  private instantiate(path: ObjectPath): void {
    const id = this.nextId();
    this.instantiated.add(path);
    this.push({ id, bytes: utf8(`{"Id":${id},"ActionType":1,"Name":"","ObjectPathId":${path.id}}`), path, argumentPaths: [] });
  }

  private push(action: Action): void {
    this.actions.push(action);
    this.bytes += action.bytes;
    this.reference(action.path);
    for (const p of action.argumentPaths) this.reference(p);
  }

  /** ObjectPaths gets the path, its parents and a method path's argument paths, each once: `"id":{…}`. */
  private reference(path: ObjectPath | undefined): void {
    for (let p = path; p && !this.referenced.has(p); p = p.parent) {
      this.referenced.add(p);
      this.bytes += digits(p.id) + 3 + p.bytes;
      for (const a of p.argumentPaths) this.reference(a);
    }
  }

  /** Bytes of the `,"L":[ids]` lists: each path on the last action that uses it or a path below it. */
  private lastUses(): number {
    const seen = new Set<ObjectPath>();
    let bytes = 0;
    for (let i = this.actions.length - 1; i >= 0; i--) {
      const action = this.actions[i]!;
      let listed = 0;
      let ids = 0;
      const visit = (path: ObjectPath | undefined): void => {
        for (let p = path; p && !seen.has(p); p = p.parent) {
          seen.add(p);
          listed++;
          ids += digits(p.id);
          for (const a of p.argumentPaths) visit(a);
        }
      };
      visit(action.path);
      for (const p of action.argumentPaths) visit(p);
      if (listed) bytes += `,"L":[]`.length + ids + listed - 1;
    }
    return bytes;
  }
}
