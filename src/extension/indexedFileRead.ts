import * as vscode from 'vscode';
import { readLocal, type FileRead } from '../core/workspace/cachedFileRead';

/**
 * A file's text; why it cannot be read (no permission); undefined when it is gone. A local file is
 * read here, synchronously, as the command line reads it: through the workbench's file system, 10,000
 * reads took a third longer, and its decoder drops a byte-order mark that the file on disk (which a
 * batch compares with what the index read) still has.
 */
export async function readText(uri: vscode.Uri): Promise<FileRead | undefined> {
  if (uri.scheme === 'file') return readLocal(uri.fsPath);
  try {
    return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    // Gone between the event and the read: the delete event follows.
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    return { unreadable: error instanceof Error ? error.message : String(error) };
  }
}
