/**
 * Source patches applied to FerretDB 1.24.2 before the embedded build (scripts/install-ferretdb.ts).
 * Each replaces one exact piece of upstream source; the build stops if it is not found, so a changed
 * upstream source can never be patched silently.
 */
export interface FerretdbPatch {
  id: string;
  file: string;
  from: string;
  to: string;
  why: string;
}

export const FERRETDB_PATCHES: readonly FerretdbPatch[] = [
  {
    id: 'sqlite-id-index-expression',
    file: 'internal/backends/sqlite/metadata/metadata.go',
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: `IDColumn = DefaultColumn + "->'_id'"`,
    // SQLite matches index expressions by their text. FerretDB creates the unique _id index on
    // `_ferretdb_sjson->"_id"` but looks documents up with `->'$._id'` (same value, other text),
    // so every find/update/delete by _id scanned the whole table (EXPLAIN QUERY PLAN: SCAN).
    // `->'_id'` is the form the index was built on (SEARCH … USING INDEX).
    why: 'lookups, updates and deletes by _id use the unique _id index instead of scanning the table',
  },
  {
    id: 'sqlite-id-in-and-integer-pushdown',
    file: 'internal/backends/sqlite/collection.go',
    from: `		switch v.(type) {
		case string, types.ObjectID:
			whereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
			args = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
		}`,
    to: `		switch v.(type) {
		case string, types.ObjectID:
			whereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
			args = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
		case int32, int64:
			if arg, ok := integerIDArg(v); ok {
				whereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
				args = []any{arg}
			}
		case *types.Document:
			whereClause, args = idInClause(v.(*types.Document))
		}`,
    // Query() (find, update, delete, count) pushed down only {_id: <string or ObjectID>}; an
    // integer _id (the audit trail's sequence numbers) or {_id: {$in: [...]}} read and decoded the
    // whole collection. Reading a page of messages by id and deleting acknowledged queue entries
    // are exactly the $in query; reading audit entry n is the integer one.
    why: 'finds, updates and deletes by an integer _id or {_id: {$in: [...]}} read only those rows (up to 1,000 ids)',
  },
  {
    id: 'sqlite-id-in-and-integer-explain',
    file: 'internal/backends/sqlite/collection.go',
    from: `		switch v.(type) {
		case string, types.ObjectID:
			filterPushdown = true
			whereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
			args = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
		}`,
    to: `		switch v.(type) {
		case string, types.ObjectID:
			filterPushdown = true
			whereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
			args = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
		case int32, int64:
			if arg, ok := integerIDArg(v); ok {
				filterPushdown = true
				whereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
				args = []any{arg}
			}
		case *types.Document:
			whereClause, args = idInClause(v.(*types.Document))
			filterPushdown = whereClause != ""
		}`,
    why: 'explain shows the same plan as the query it explains',
  },
  {
    id: 'sqlite-id-in-and-integer-helpers',
    file: 'internal/backends/sqlite/collection.go',
    from: `// collection implements backends.Collection interface.
type collection struct {`,
    to: `// integerIDArg is the stored text of an integer _id (FocalNet patch). sjson writes int32, int64
// and double values with Go's encoding/json, so an integer n (0 < |n| < 2^53) is stored as the
// same decimal digits whichever numeric type holds it, and MongoDB's numeric equality across types
// is kept. Zero is left to the handler: a stored double -0 is written "-0".
func integerIDArg(v any) (string, bool) {
	var n int64
	switch v := v.(type) {
	case int32:
		n = int64(v)
	case int64:
		n = v
	default:
		return "", false
	}
	if n == 0 || n >= 1<<53 || n <= -(1<<53) {
		return "", false
	}
	return fmt.Sprintf("%d", n), true
}

// idInClause pushes {_id: {$in: [...]}} of strings, ObjectIDs and integers down to SQLite (FocalNet
// patch). The handler still filters every returned document, so this only narrows what is read.
func idInClause(d *types.Document) (string, []any) {
	if d.Len() != 1 {
		return "", nil
	}
	in, _ := d.Get("$in")
	values, ok := in.(*types.Array)
	if !ok || values.Len() == 0 || values.Len() > 1000 {
		return "", nil
	}
	args := make([]any, 0, values.Len())
	for i := 0; i < values.Len(); i++ {
		value := must.NotFail(values.Get(i))
		switch value.(type) {
		case string, types.ObjectID:
			args = append(args, string(must.NotFail(sjson.MarshalSingleValue(value))))
		default:
			arg, ok := integerIDArg(value)
			if !ok {
				return "", nil
			}
			args = append(args, arg)
		}
	}
	return fmt.Sprintf(\` WHERE %s IN (?%s)\`, metadata.IDColumn, strings.Repeat(", ?", len(args)-1)), args
}

// collection implements backends.Collection interface.
type collection struct {`,
    why: 'the helper building that IN clause',
  },
  {
    id: 'resource-tracking-off-track',
    file: 'internal/util/resource/resource.go',
    from: `func Track(obj any, token *Token) {
	checkArgs(obj, token)`,
    to: `// trackLifetimes is off in FocalNet's build: see ferretdb-patches.ts.
const trackLifetimes = false

func Track(obj any, token *Token) {
	if !trackLifetimes {
		return
	}

	checkArgs(obj, token)`,
    // Every iterator and document iterator FerretDB creates is registered in a pprof profile
    // (which records its stack with runtime.Callers) and given a finalizer that panics if it was
    // never closed: a leak detector for FerretDB's own development. Profiling the embedded
    // FerretDB during a backlog drain put 15% of its CPU there, plus the finalizers' GC work.
    why: 'no stack capture and finalizer per iterator (a development leak check): about 15% of FerretDB CPU on reads',
  },
  {
    id: 'resource-tracking-off-untrack',
    file: 'internal/util/resource/resource.go',
    from: `func Untrack(obj any, token *Token) {
	checkArgs(obj, token)`,
    to: `func Untrack(obj any, token *Token) {
	if !trackLifetimes {
		return
	}

	checkArgs(obj, token)`,
    why: 'the matching Untrack (it would panic on an object Track never registered)',
  },
  {
    id: 'sqlite-one-writer-field',
    file: 'internal/util/fsql/db.go',
    from: `	sqlDB     *sql.DB
	l         *slog.Logger
	token     *resource.Token
	BatchSize int
}`,
    to: `	sqlDB     *sql.DB
	l         *slog.Logger
	token     *resource.Token
	BatchSize int

	// writer admits one writing statement or transaction at a time (FocalNet patch, see
	// ferretdb-patches.ts): SQLite allows one writer per database anyway.
	writer chan struct{}
}

// write waits for the writer slot (or the context's end) and returns its release.
func (db *DB) write(ctx context.Context) (func(), error) {
	select {
	case db.writer <- struct{}{}:
		return func() { <-db.writer }, nil
	case <-ctx.Done():
		return nil, lazyerrors.Error(ctx.Err())
	}
}`,
    // SQLite has one write lock per database. FerretDB writes from a pool of up to 100
    // connections; a writer that finds the lock taken gets SQLITE_BUSY and the busy handler
    // sleeps 1, 2, 5, 10, 15, 20, 25 … ms before trying again, however soon the lock is free.
    // strace of the embedded FerretDB at 100 messages/s: hundreds of such sleeps per second,
    // inserts of one document taking 35–136 ms, and deliveries stalled behind them for 200 ms.
    why: 'writes wait their turn in FerretDB instead of colliding in SQLite and sleeping',
  },
  {
    id: 'sqlite-one-writer-init',
    file: 'internal/util/fsql/db.go',
    from: `		sqlDB:            db,
		l:                logging.WithName(l, name),
		token:            resource.NewToken(),
	}`,
    to: `		sqlDB:            db,
		l:                logging.WithName(l, name),
		token:            resource.NewToken(),
		writer:           make(chan struct{}, 1),
	}`,
    why: 'the writer slot of each database',
  },
  {
    id: 'sqlite-one-writer-exec',
    file: 'internal/util/fsql/db.go',
    from: `func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	start := time.Now()`,
    to: `func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	release, err := db.write(ctx)
	if err != nil {
		return nil, err
	}
	defer release()

	start := time.Now()`,
    why: 'a single writing statement (deletes, collection changes) takes the writer slot',
  },
  {
    id: 'sqlite-one-writer-transaction',
    file: 'internal/util/fsql/db.go',
    from: `func (db *DB) InTransaction(ctx context.Context, f func(*Tx) error) (err error) {
	var sqlTx *sql.Tx
`,
    to: `func (db *DB) InTransaction(ctx context.Context, f func(*Tx) error) (err error) {
	release, err := db.write(ctx)
	if err != nil {
		return err
	}
	defer release()

	var sqlTx *sql.Tx
`,
    why: 'a writing transaction (inserts, updates) holds the writer slot until it ends',
  },
  {
    id: 'read-modify-write-lock',
    file: 'internal/handler/handler.go',
    from: `type Handler struct {
	*NewOpts
`,
    to: `// readModifyWriteLocks serialize, per collection, the commands that read documents, change them
// in Go and write them back (update, findAndModify).
var readModifyWriteLocks sync.Map

func readModifyWriteLock(db, collection string) *sync.Mutex {
	lock, _ := readModifyWriteLocks.LoadOrStore(db+"."+collection, new(sync.Mutex))
	return lock.(*sync.Mutex)
}

type Handler struct {
	*NewOpts
`,
    // The handler reads the matching documents, applies the operators in Go, and the backend
    // writes each whole document back: two updates of one document at once both read the old
    // one, and the later write undid the earlier change. Measured before this patch: a $set of
    // one field racing a $set of another lost one of them in 46 rounds of 50, and 20 concurrent
    // $inc of one counter added 4. A suspension racing a sign-in's write could be undone.
    why: 'updates of one collection read, change and write back one command at a time, so none undoes another',
  },
  {
    id: 'read-modify-write-update',
    file: 'internal/handler/msg_update.go',
    from: `func (h *Handler) updateDocument(ctx context.Context, params *common.UpdateParams) (int32, int32, *types.Array, error) {
	var matched, modified int32
`,
    to: `func (h *Handler) updateDocument(ctx context.Context, params *common.UpdateParams) (int32, int32, *types.Array, error) {
	lock := readModifyWriteLock(params.DB, params.Collection)
	lock.Lock()
	defer lock.Unlock()

	var matched, modified int32
`,
    why: 'update takes its collection\'s read-modify-write lock for the whole command',
  },
  {
    id: 'read-modify-write-find-and-modify',
    file: 'internal/handler/msg_findandmodify.go',
    from: `func (h *Handler) findAndModifyDocument(ctx context.Context, params *common.FindAndModifyParams) (*findAndModifyResult, error) {
	db, err := h.b.Database(params.DB)
`,
    to: `func (h *Handler) findAndModifyDocument(ctx context.Context, params *common.FindAndModifyParams) (*findAndModifyResult, error) {
	lock := readModifyWriteLock(params.DB, params.Collection)
	lock.Lock()
	defer lock.Unlock()

	db, err := h.b.Database(params.DB)
`,
    why: 'findAndModify takes the same lock',
  },
];

/** What the stamp next to the binary records, so an unpatched or differently patched build is rebuilt. */
export function patchStamp(version: string): string {
  return JSON.stringify({ version, patches: FERRETDB_PATCHES.map((p) => p.id) });
}
