export function ExportSection(_: { onImported: () => void }) { return null; }
