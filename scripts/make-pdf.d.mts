export interface MakePdfOptions {
  title?: string;
  paddingBytes?: number;
}
export function makePdf(pages: string[], opts?: MakePdfOptions): Uint8Array;
export function makePaper(count: number, label?: string, opts?: MakePdfOptions): Uint8Array;
