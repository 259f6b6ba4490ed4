/**
 * Files dropped on the page: plain files, and the files inside dropped
 * folders (read through the entries API, which Chrome, Edge, Firefox and
 * Cốc Cốc share), so a whole folder of reports can be dropped at once.
 */

/* Minimal shapes of the File and Directory Entries API (not in every lib.dom). */
interface Entry { isFile: boolean; isDirectory: boolean; name: string }
interface FileEntry extends Entry { file: (ok: (f: File) => void, fail: (e: unknown) => void) => void }
interface DirectoryEntry extends Entry { createReader: () => { readEntries: (ok: (es: Entry[]) => void, fail: (e: unknown) => void) => void } }

async function entryFiles(entry: Entry): Promise<File[]> {
  if (entry.isFile) return [await new Promise<File>((ok, fail) => (entry as FileEntry).file(ok, fail))];
  if (!entry.isDirectory) return [];
  const reader = (entry as DirectoryEntry).createReader();
  const all: File[] = [];
  // readEntries gives a folder's entries in batches until an empty one.
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) return all;
    for (const e of batch) all.push(...(await entryFiles(e)));
  }
}

export async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const items = Array.from(data.items ?? []);
  const entries = items
    .map((i) => (i.kind === 'file' && typeof i.webkitGetAsEntry === 'function' ? (i.webkitGetAsEntry() as Entry | null) : null))
    .filter((e): e is Entry => e !== null);
  // Entries must be taken before the first await: the drop's data is gone after it.
  if (entries.length === 0) return Array.from(data.files ?? []);
  const lists = await Promise.all(entries.map(entryFiles));
  return lists.flat();
}
