/**
 * Upstream HTML → the contract's safe rich-text blocks, and upstream text → plain text. Both go through
 * htmlparser2 and keep only text and a few structural facts (paragraph, heading, list, strong, emphasis, http(s)
 * link), so no upstream markup can ever reach a page as HTML.
 */
import { Parser } from 'htmlparser2';
import type { RichText, TextRun } from '@occupational-maps/core';

/** Elements whose content is never text for a reader. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'title', 'textarea', 'select']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'blockquote', 'pre', 'address', 'header', 'footer', 'main', 'aside', 'figure', 'figcaption', 'table', 'tr', 'dl', 'dt', 'dd', 'hr']);
const HEADING = /^h[1-6]$/;
const STRONG = new Set(['strong', 'b']);
const EMPHASIS = new Set(['em', 'i']);

/** Markup that was entity-encoded upstream (`&lt;script&gt;`) decodes to tags; those are stripped in a second pass. */
const LOOKS_LIKE_MARKUP = /<[a-z!/?]/i;

const collapse = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');

/** Only absolute http(s) URLs without spaces survive; everything else (javascript:, data:, relative) is dropped. */
export function safeHref(href: string | undefined): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed || !/^https?:\/\/[^\s]+$/i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

type Format = { strong: boolean; emphasis: boolean; href?: string };
type OpenBlock = { type: 'paragraph' | 'heading'; runs: TextRun[] } | { type: 'list'; ordered: boolean; items: TextRun[][] };

/** Parses HTML into paragraphs, headings and lists of formatted text runs. */
export function htmlToBlocks(html: string | null | undefined): RichText {
  const blocks: RichText = [];
  if (!html || !html.trim()) return blocks;

  let dropDepth = 0;
  const formats: Array<{ tag: string; format: Format }> = [];
  const lists: Array<{ ordered: boolean; items: TextRun[][] }> = [];
  let current: { type: 'paragraph' | 'heading'; runs: TextRun[] } | null = null;
  let item: TextRun[] | null = null;

  const format = (): Format => formats.at(-1)?.format ?? { strong: false, emphasis: false };
  const finishRuns = (runs: TextRun[]): TextRun[] => {
    const trimmed = runs.map((run) => ({ ...run }));
    if (trimmed.length) {
      trimmed[0].text = trimmed[0].text.trimStart();
      trimmed[trimmed.length - 1].text = trimmed[trimmed.length - 1].text.trimEnd();
    }
    return trimmed
      .map((run) => (LOOKS_LIKE_MARKUP.test(run.text) ? { ...run, text: plainText(run.text) ?? '' } : run))
      .filter((run) => run.text.length > 0);
  };
  const closeBlock = () => {
    if (!current) return;
    const content = finishRuns(current.runs);
    if (content.length) blocks.push({ type: current.type, content });
    current = null;
  };
  const closeItem = () => {
    if (!item || !lists.length) return;
    const content = finishRuns(item);
    if (content.length) lists[lists.length - 1].items.push(content);
    item = null;
  };
  const append = (target: TextRun[], text: string) => {
    const { strong, emphasis, href } = format();
    const last = target.at(-1);
    if (last && !!last.strong === strong && !!last.emphasis === emphasis && last.href === href) {
      last.text = collapse(last.text + text);
      return;
    }
    if (!target.length && !text.trim()) return;
    const run: TextRun = { text };
    if (strong) run.strong = true;
    if (emphasis) run.emphasis = true;
    if (href) run.href = href;
    target.push(run);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (dropDepth > 0 || DROPPED.has(name)) {
          dropDepth++;
          return;
        }
        if (name === 'ul' || name === 'ol') {
          closeItem();
          if (lists.length === 0) closeBlock();
          lists.push({ ordered: name === 'ol', items: [] });
        } else if (name === 'li') {
          closeItem();
          if (lists.length === 0) {
            closeBlock();
            lists.push({ ordered: false, items: [] });
          }
          item = [];
        } else if (HEADING.test(name) || BLOCK.has(name)) {
          if (lists.length === 0) {
            closeBlock();
            current = { type: HEADING.test(name) ? 'heading' : 'paragraph', runs: [] };
          }
        } else if (name === 'br') {
          const target = item ?? current?.runs;
          if (target) append(target, ' ');
        }
        const base = format();
        if (STRONG.has(name) || HEADING.test(name)) formats.push({ tag: name, format: { ...base, strong: !HEADING.test(name) || base.strong } });
        else if (EMPHASIS.has(name)) formats.push({ tag: name, format: { ...base, emphasis: true } });
        else if (name === 'a') formats.push({ tag: name, format: { ...base, href: safeHref(attributes.href) } });
      },
      ontext(raw) {
        if (dropDepth > 0) return;
        const text = collapse(raw);
        if (!text) return;
        if (lists.length > 0) {
          if (!item) {
            if (!text.trim()) return;
            item = [];
          }
          append(item, text);
          return;
        }
        if (!current) {
          if (!text.trim()) return;
          current = { type: 'paragraph', runs: [] };
        }
        append(current.runs, text);
      },
      onclosetag(name) {
        if (dropDepth > 0) {
          dropDepth--;
          return;
        }
        const open = formats.at(-1);
        if (open && open.tag === name) formats.pop();
        if (name === 'li') closeItem();
        else if (name === 'ul' || name === 'ol') {
          closeItem();
          const list = lists.pop();
          if (list && list.items.length) {
            if (lists.length) lists[lists.length - 1].items.push(...list.items);
            else blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
          }
        } else if ((HEADING.test(name) || BLOCK.has(name)) && lists.length === 0) closeBlock();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  while (lists.length) {
    closeItem();
    const list = lists.pop()!;
    if (list.items.length) {
      if (lists.length) lists[lists.length - 1].items.push(...list.items);
      else blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
    }
  }
  closeBlock();
  return blocks;
}

/**
 * Plain text from an upstream text field: entities decoded, tags and script/style content removed, whitespace
 * collapsed. Empty results are `null`, so "no value" is never an empty string.
 */
export function plainText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const once = stripMarkup(value);
  return once !== null && LOOKS_LIKE_MARKUP.test(once) ? stripMarkup(once) : once;
}

function stripMarkup(value: string): string | null {
  if (!/[<&]/.test(value)) return collapse(value).trim() || null;
  let out = '';
  let dropDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (dropDepth > 0 || DROPPED.has(name)) dropDepth++;
        else if (BLOCK.has(name) || HEADING.test(name) || name === 'br' || name === 'li') out += ' ';
      },
      ontext(text) {
        if (dropDepth === 0) out += text;
      },
      onclosetag(name) {
        if (dropDepth > 0) dropDepth--;
        else if (BLOCK.has(name) || HEADING.test(name) || name === 'li') out += ' ';
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(value);
  parser.end();
  return collapse(out).trim() || null;
}
