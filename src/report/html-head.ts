/**
 * The start of every self-contained page dmap writes (the simulate report, the sweep,
 * sensitivity and workflow-type pages, the studio): doctype, language, charset, viewport,
 * generator, title and the inline styles, up to `</head>`. Pure.
 */
import { escapeHtml } from './html-escape.js';

export interface HtmlHead {
  title: string;
  /** `<meta name="generator">`, when given. */
  generator?: string;
  /** The page's whole stylesheet, inlined. */
  css: string;
}

export function htmlHeadLines(head: HtmlHead): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(head.generator !== undefined ? [`<meta name="generator" content="${escapeHtml(head.generator)}">`] : []),
    `<title>${escapeHtml(head.title)}</title>`,
    `<style>${head.css}</style>`,
    '</head>',
  ];
}
