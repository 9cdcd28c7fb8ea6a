import * as v from 'valibot';
import { httpUrl } from './common.js';

/**
 * Rich text as safe structured blocks. Upstream HTML is parsed by the gateway into these; elements render them
 * with Lit bindings, so no upstream markup can ever reach a page as HTML.
 */
export const textRun = v.object({
  text: v.string(),
  strong: v.optional(v.boolean()),
  emphasis: v.optional(v.boolean()),
  /** Only http(s) links survive normalisation. */
  href: v.optional(httpUrl),
});

export const paragraphBlock = v.object({ type: v.literal('paragraph'), content: v.array(textRun) });
export const headingBlock = v.object({ type: v.literal('heading'), content: v.array(textRun) });
export const listBlock = v.object({
  type: v.literal('list'),
  ordered: v.boolean(),
  items: v.array(v.array(textRun)),
});

export const richText = v.array(v.variant('type', [paragraphBlock, headingBlock, listBlock]));

export type TextRun = v.InferOutput<typeof textRun>;
export type RichTextBlock = v.InferOutput<typeof richText>[number];
export type RichText = v.InferOutput<typeof richText>;

/** The plain text of rich text, e.g. for search or a `title` attribute. */
export function richTextToPlain(blocks: RichText): string {
  const runs = (content: TextRun[]) => content.map((run) => run.text).join('');
  return blocks
    .map((block) => (block.type === 'list' ? block.items.map(runs).join('\n') : runs(block.content)))
    .join('\n\n');
}
