export function ImportSection(_: { onImported: () => void }) { return null; }
