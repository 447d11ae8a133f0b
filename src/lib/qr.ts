import QRCode from 'qrcode';

/** The smallest width, in pixels, of a QR code image: enough to print crisply at 50 mm (over 300 dpi). */
export const qrMinPixels = 600;

/** The white border every QR code image carries, in modules: phone cameras need four to find the code. */
export const qrQuietZone = 4;

/**
 * A QR code as a PNG, made at build time. Error correction level M survives a little dirt or a fold.
 * Every module is the same whole number of pixels (at least 600 pixels across in all), so the code
 * stays sharp when a printer scales it; the four-module white quiet zone is part of the image.
 */
export function qrPng(text: string): Promise<Buffer> {
  const errorCorrectionLevel = 'M';
  const modules = QRCode.create(text, { errorCorrectionLevel }).modules.size + 2 * qrQuietZone;
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel,
    margin: qrQuietZone,
    scale: Math.ceil(qrMinPixels / modules),
    color: { dark: '#000000', light: '#ffffff' },
  });
}
