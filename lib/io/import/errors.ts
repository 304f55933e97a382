/**
 * File-level import failures. Row-level problems are not errors: they are reported per row
 * (rows.ts) so one bad cell never throws away a 10 000-row file.
 */

/** 50 MB: a 100k-row customer export is ~15 MB, so this only stops wrong files, not real ones. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportErrorCode =
  | 'empty' // 0 bytes, or no non-empty row
  | 'headerOnly' // a header row and no data rows
  | 'binary' // not text although named .csv/.tsv/.txt (detail: zip | xlsx | pdf | ole | gzip | image | control)
  | 'tooLarge' // params.limit = the limit in MB
  | 'badXlsx' // truncated or corrupt workbook (detail: xls | notZip | corrupt)
  | 'unsupported' // extension we do not read (detail: the extension, e.g. xls)
  | 'noRecognisedColumns' // no column maps to any field
  | 'missingColumns'; // a required field has no column (detail: comma-separated field ids)

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly detail?: string;
  /** Values for the message placeholders, e.g. `{ limit: 50 }` for `tooLarge`. */
  readonly params?: Record<string, string | number>;

  constructor(code: ImportErrorCode, detail?: string, params?: Record<string, string | number>, cause?: unknown) {
    // The message is for logs and developers; users see lib/i18n/import.ts via describeImportError.
    super(detail ? `import failed: ${code} (${detail})` : `import failed: ${code}`, cause ? { cause } : undefined);
    this.name = 'ImportError';
    this.code = code;
    if (detail !== undefined) this.detail = detail;
    if (params !== undefined) this.params = params;
  }
}

export const isImportError = (e: unknown): e is ImportError => e instanceof ImportError;
