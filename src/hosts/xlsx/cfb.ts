// The names in an OLE compound file's directory (MS-CFB), to tell what a file that is not a zip is:
// an .xlsx with an open password is a compound file holding the streams "EncryptionInfo" and
// "EncryptedPackage" ([MS-OFFCRYPTO] 2.3.4.4, 2.3.4.5); an old .xls holds "Workbook" or "Book".
// Only the directory is read, never a stream's contents.

/** The compound file signature ([MS-CFB] 2.2, Header Signature). */
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Sector numbers above this one mark the end of a chain or a free sector ([MS-CFB] 2.1: MAXREGSECT). */
const MAXREGSECT = 0xfffffffa;
/** A directory entry is 128 bytes; its name is at most 31 UTF-16 code units and a terminating null ([MS-CFB] 2.6.1). */
const ENTRY = 128;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * The names of the streams and storages in a compound file's directory, or undefined when the bytes
 * are not one or its header or chains are broken (a file cut short).
 */
export function compoundFileNames(bytes: Uint8Array): string[] | undefined {
  if (!isCompoundFile(bytes) || bytes.length < 512) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : 0xffffffff);
  // [MS-CFB] 2.2: Sector Shift at 0x1E is 9 (512-byte sectors, version 3) or 12 (4096, version 4).
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return undefined;
  const size = 1 << shift;
  /** Sector n starts after the 512-byte header, padded to a whole sector in version 4 ([MS-CFB] 2.2). */
  const offset = (n: number) => (n + 1) * size;
  const sectors = Math.floor((bytes.length - size) / size) + 1;

  // The FAT's own sectors: 109 in the header's DIFAT, then the DIFAT chain ([MS-CFB] 2.5).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(0x4c + i * 4);
    if (s <= MAXREGSECT) fatSectors.push(s);
  }
  let difat = u32(0x44);
  for (let guard = 0; difat <= MAXREGSECT && guard < sectors; guard++) {
    const per = size / 4 - 1;
    for (let i = 0; i < per; i++) {
      const s = u32(offset(difat) + i * 4);
      if (s <= MAXREGSECT) fatSectors.push(s);
    }
    difat = u32(offset(difat) + per * 4);
  }
  const next = (n: number): number => {
    const perSector = size / 4;
    const fat = fatSectors[Math.floor(n / perSector)];
    return fat === undefined ? 0xffffffff : u32(offset(fat) + (n % perSector) * 4);
  };

  // The directory: a chain of sectors from 0x30, 128-byte entries, the name's length in bytes at 0x40,
  // the object type at 0x42 (1 storage, 2 stream, 5 root; 0 unused) ([MS-CFB] 2.6.1).
  const names: string[] = [];
  let sector = u32(0x30);
  for (let guard = 0; sector <= MAXREGSECT; guard++) {
    if (guard >= sectors || offset(sector) + size > bytes.length) return undefined;
    for (let at = offset(sector); at < offset(sector) + size; at += ENTRY) {
      const type = bytes[at + 0x42];
      const length = view.getUint16(at + 0x40, true);
      if (type === 0 || length < 2 || length > 64) continue;
      let name = "";
      for (let i = 0; i < length / 2 - 1; i++) name += String.fromCharCode(view.getUint16(at + i * 2, true));
      names.push(name);
    }
    sector = next(sector);
  }
  return names;
}

/** What a compound file holds, by its directory: an encrypted .xlsx, or something else (an old .xls, a WPS .et …). */
export function compoundFileKind(bytes: Uint8Array): "encrypted" | "other" {
  const names = compoundFileNames(bytes);
  if (names) return names.includes("EncryptionInfo") && names.includes("EncryptedPackage") ? "encrypted" : "other";
  // A directory that cannot be followed (a file cut short): the name as it is stored, in UTF-16LE.
  return indexOf(bytes, utf16("EncryptionInfo\0")) >= 0 ? "encrypted" : "other";
}

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function indexOf(bytes: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
