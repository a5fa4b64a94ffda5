import { lstatSync, statSync } from 'node:fs';

/**
 * What a walk kept of one folder: its mtime and ctime when it was listed (taken before the listing),
 * and the names in it that the walk took (indexed files, folders it went into).
 */
export interface FolderListing {
  mtimeMs: number;
  ctimeMs: number;
  files: string[];
  folders: string[];
}

/**
 * A walk's memory of the folders it listed, keyed by '/'-separated absolute path. Adding, removing or
 * renaming anything in a folder changes its mtime and ctime, so a folder whose both are as kept lists
 * as it did, and a warm open stats it instead of listing it (as git's untracked cache does). Setting
 * an mtime back (tar, rsync) changes the ctime, which no program can set. A folder changed within
 * the racy window before the listings were kept (`trustedBefore`) is listed again: a second change in
 * the same tick of a coarse clock would leave both times as they were.
 */
export interface FolderListings {
  /** The listings kept by an earlier walk; none: every folder is listed. */
  known?: ReadonlyMap<string, FolderListing>;
  /** A kept listing of a folder whose mtime is this late or later is not trusted. */
  trustedBefore: number;
  /** Filled by the walk: every folder it went through, listed or trusted. */
  found: Map<string, FolderListing>;
  /** How many folders the walk listed (not trusted): none means nothing changed in the tree. */
  listed: number;
}

/** An empty memory for a walk that keeps its listings, trusting `known` up to `trustedBefore`. */
export function folderListings(known: ReadonlyMap<string, FolderListing> | undefined, trustedBefore: number): FolderListings {
  return { ...(known ? { known } : {}), trustedBefore, found: new Map(), listed: 0 };
}

/** A folder's times, taken before it is listed (a change while it is listed then shows next time). */
export function folderTimes(dir: string, top: boolean): { mtimeMs: number; ctimeMs: number } | undefined {
  try {
    // The walk's top folder may be a link (it is listed through it); below it, links are never followed.
    const stat = top ? statSync(dir) : lstatSync(dir);
    return stat.isDirectory() ? { mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** The kept listing of a folder, when its times say nothing in it changed since. */
export function trustedListing(listings: FolderListings, key: string, times: { mtimeMs: number; ctimeMs: number } | undefined): FolderListing | undefined {
  const kept = listings.known?.get(key);
  if (!kept || !times) return undefined;
  return kept.mtimeMs === times.mtimeMs && kept.ctimeMs === times.ctimeMs && times.mtimeMs < listings.trustedBefore ? kept : undefined;
}
