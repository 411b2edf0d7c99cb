/** The officer photo the host stores: a small JPEG data: URL (the host takes at most about 200 KB). */
export const PHOTO_SIZE = 256;
const MAX_DATA_URL = 270_000;

export class PhotoError extends Error {}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new PhotoError('the image cannot be read'));
    image.src = url;
  });
}

/**
 * Scales a chosen picture down to fit PHOTO_SIZE px and encodes it as JPEG, so a
 * 5 MB phone photo becomes ~20 KB before it is sent. (A blob: URL to read the file:
 * the CSP allows blob: for images.)
 */
export async function photoDataUrl(file: File): Promise<string> {
  if (!file.type.startsWith('image/')) throw new PhotoError(`not an image: ${file.type || file.name}`);
  const url = URL.createObjectURL(file);
  try {
    const image = await loadImage(url);
    const scale = Math.min(1, PHOTO_SIZE / Math.max(image.naturalWidth, image.naturalHeight, 1));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoError('no canvas');
    // JPEG has no transparency: a transparent PNG would otherwise turn black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    for (let quality = 0.85; quality > 0.3; quality -= 0.15) {
      const data = canvas.toDataURL('image/jpeg', quality);
      if (data.length <= MAX_DATA_URL) return data;
    }
    throw new PhotoError('the image stays too large');
  } finally {
    URL.revokeObjectURL(url);
  }
}
