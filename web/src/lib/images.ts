/** Client-side rules for images (the server checks the same: docs/api.md "Media"). */

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
/** For `<input type="file" accept>`. */
export const IMAGE_ACCEPT = IMAGE_TYPES.join(',');
export const IMAGE_MAX_MB = 10;
export const IMAGE_MAX_BYTES = IMAGE_MAX_MB * 1024 * 1024;
/** Largest thumbnail box in a chat bubble (CSS px). */
export const THUMB_MAX_PX = 320;

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

/** The file's MIME type, or (some systems leave it empty) the one its extension suggests. */
export function imageType(file: Pick<File, 'type' | 'name'>): string {
  if (file.type) return file.type.toLowerCase();
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[ext] ?? '';
}

/** Why this file cannot be sent as an image, or null if it can. */
export function checkImage(file: Pick<File, 'type' | 'name' | 'size'>): string | null {
  if (!(IMAGE_TYPES as readonly string[]).includes(imageType(file))) {
    return 'Only JPEG, PNG, WebP and GIF images can be uploaded.';
  }
  if (file.size === 0) return 'That file is empty.';
  if (file.size > IMAGE_MAX_BYTES) return `That image is too large. The limit is ${IMAGE_MAX_MB} MB.`;
  return null;
}

/** The first file of a paste or drop (DataTransfer `files`, else `items`), if any. */
export function firstFile(data: Pick<DataTransfer, 'files' | 'items'> | null | undefined): File | null {
  if (!data) return null;
  const files = data.files;
  if (files && files.length > 0) return files[0];
  const items = data.items ? Array.from(data.items) : [];
  for (const item of items) {
    if (item.kind === 'file') {
      const file = item.getAsFile();
      if (file) return file;
    }
  }
  return null;
}

/** Whether a drag carries files (only then is the drop target highlighted). */
export function dragHasFiles(data: Pick<DataTransfer, 'types'> | null | undefined): boolean {
  return !!data && Array.from(data.types ?? []).includes('Files');
}

/** Scales width × height down (never up) to fit a max × max box; keeps the aspect ratio. */
export function fitWithin(width: number, height: number, max = THUMB_MAX_PX): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) return { width: max, height: max };
  const scale = Math.min(1, max / width, max / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** "2.4 MB", "830 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A local URL showing the file (revoke it when done); '' where the browser cannot make one. */
export function createPreviewUrl(file: Blob): string {
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : '';
}

export function revokePreviewUrl(url: string | null | undefined): void {
  if (url && url.startsWith('blob:') && typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(url);
}
