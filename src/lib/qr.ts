import QRCode from 'qrcode';

/**
 * A QR code as a PNG, made at build time. Error correction level M survives a little dirt or a fold;
 * the four-module quiet zone is what phone cameras need to find the code.
 */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 4,
    width: 480,
    color: { dark: '#0b0c0c', light: '#ffffff' },
  });
}
