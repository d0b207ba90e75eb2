import type { RgbaImage } from '../map/uncoloured';

/**
 * Pictures that leave the dashboard (a chart's or a map's PNG) carry their caption, legend and the
 * privacy note drawn under them, so what the picture shows and leaves out travels with it. The
 * layout is pure (tested); the drawing uses the page's 2D canvas.
 */

/** Words into lines no wider than `width` as `measure` reads them; a word wider than that stands alone. */
export function wrapText(text: string, width: number, measure: (t: string) => number): string[] {
	const out: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && measure(next) > width) {
			out.push(line);
			line = word;
		} else line = next;
	}
	if (line) out.push(line);
	return out;
}

/**
 * One legend entry: a swatch of `color`, or filled with `pattern` (the tile the map draws an
 * uncoloured desa with, map/uncoloured.ts), or a dot for a point layer; and its label.
 */
export interface PictureLegendEntry {
	color: string;
	label: string;
	pattern?: RgbaImage;
	dot?: boolean;
}

/**
 * Legend entries into rows no wider than `width`: each entry takes its swatch, its label and a gap;
 * an entry wider than a row stands alone. Returns the entries' indices row by row.
 */
export function legendRows(labels: readonly string[], width: number, measure: (t: string) => number, swatch: number, gap: number): number[][] {
	const rows: number[][] = [];
	let row: number[] = [];
	let used = 0;
	labels.forEach((label, i) => {
		const w = swatch + gap / 2 + measure(label);
		if (row.length && used + gap + w > width) {
			rows.push(row);
			row = [];
			used = 0;
		}
		used += (row.length ? gap : 0) + w;
		row.push(i);
	});
	if (row.length) rows.push(row);
	return rows;
}

const TEXT = '#3d4a57';
const FONT = 'system-ui, sans-serif';

/**
 * A picture (a PNG data URL) with, under it: a bold caption, the legend's swatches and labels, and
 * notes (the privacy rule, or that the copy is confidential). `scale`: the picture's pixels per CSS
 * pixel, so the text under it is as large as on the page. The picture's own pixels stay where they
 * were (the text goes below), so a point on it is found where it was drawn.
 */
export async function withCaption(url: string, parts: { caption?: string; legend?: readonly PictureLegendEntry[]; notes: readonly string[] }, scale = 1): Promise<string> {
	const image = new Image();
	image.src = url;
	await image.decode();
	const canvas = document.createElement('canvas');
	const ctx = canvas.getContext('2d')!;
	const px = (n: number) => Math.round(n * scale);
	const pad = px(8);
	const width = image.width - 2 * pad;
	const bold = `600 ${px(13)}px ${FONT}`;
	const small = `${px(11)}px ${FONT}`;
	const measureWith = (font: string) => (t: string) => ((ctx.font = font), ctx.measureText(t).width);
	const caption = parts.caption ? wrapText(parts.caption, width, measureWith(bold)) : [];
	const legend = parts.legend ?? [];
	const swatch = px(12);
	const gap = px(16);
	const rows = legendRows(legend.map((e) => e.label), width, measureWith(small), swatch, gap);
	const notes = parts.notes.flatMap((l) => wrapText(l, width, measureWith(small)));
	const captionLine = px(18);
	const line = px(15);
	canvas.width = image.width;
	canvas.height = image.height + pad + caption.length * captionLine + rows.length * line + (rows.length ? px(4) : 0) + notes.length * line + pad;
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(image, 0, 0);
	ctx.textBaseline = 'top';
	let y = image.height + pad;
	ctx.fillStyle = TEXT;
	ctx.font = bold;
	for (const l of caption) (ctx.fillText(l, pad, y), (y += captionLine));
	ctx.font = small;
	for (const row of rows) {
		let x = pad;
		for (const i of row) {
			const e = legend[i];
			drawSwatch(ctx, x, y, swatch, e, scale);
			x += swatch + gap / 2;
			ctx.fillStyle = TEXT;
			ctx.fillText(e.label, x, y);
			x += ctx.measureText(e.label).width + gap;
		}
		y += line;
	}
	if (rows.length) y += px(4);
	ctx.fillStyle = TEXT;
	for (const l of notes) (ctx.fillText(l, pad, y), (y += line));
	return canvas.toDataURL('image/png');
}

/** `scale`: the picture's pixels per CSS pixel, at which the map drew its pattern tiles. */
function drawSwatch(ctx: CanvasRenderingContext2D, x: number, y: number, size: number, e: PictureLegendEntry, scale: number): void {
	if (e.dot) {
		ctx.beginPath();
		ctx.arc(x + size / 2, y + size / 2, size / 2.6, 0, 2 * Math.PI);
		ctx.fillStyle = e.color;
		ctx.fill();
		ctx.strokeStyle = '#fff';
		ctx.lineWidth = Math.max(1, size / 8);
		ctx.stroke();
		return;
	}
	ctx.fillStyle = (e.pattern && tilePattern(ctx, e.pattern, x, y, scale)) || e.color;
	ctx.fillRect(x, y, size, size);
	ctx.strokeStyle = '#9aa6b2';
	ctx.lineWidth = 1;
	ctx.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
}

/** A canvas pattern repeating `tile` from (x, y), each tile pixel `scale` pixels wide as on the map's picture. */
function tilePattern(ctx: CanvasRenderingContext2D, tile: RgbaImage, x: number, y: number, scale: number): CanvasPattern | null {
	const c = document.createElement('canvas');
	[c.width, c.height] = [tile.width, tile.height];
	c.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(tile.data), tile.width, tile.height), 0, 0);
	const pattern = ctx.createPattern(c, 'repeat');
	pattern?.setTransform(new DOMMatrix().translate(x, y).scale(scale));
	return pattern;
}
