/** Which of an item's links are acceptable evidence under its rule, and why the others are refused. */
import { globMatcher } from './glob-matcher.js';
import type { EvidenceRule } from '../policy/policy.js';

export interface RejectedLink {
  url: string;
  reason: string;
}

export interface EvidenceResult {
  accepted: string[];
  rejected: RejectedLink[];
}

const PLACEHOLDER_HOSTS = new Set([
  'example.com',
  'example.org',
  'example.net',
  'localhost',
  '127.0.0.1',
  '0.0.0.0',
]);
const PLACEHOLDER_SUFFIXES = [
  '.example',
  '.invalid',
  '.test',
  '.localhost',
  '.example.com',
  '.example.org',
  '.example.net',
];
/** Whole path segments or one-word hosts that people type instead of a real link. */
const PLACEHOLDER_WORDS = new Set([
  'todo',
  'tbd',
  'tba',
  'fixme',
  'placeholder',
  'link',
  'url',
  'none',
  'n-a',
  'na',
  '...',
  '…',
]);
/** Only this many leading path prefixes are tried against the allow-list, which keeps checking linear. */
const MAX_PREFIX_SEGMENTS = 16;

/** Sorts an item's links into acceptable evidence and links that only look like evidence. */
export function checkEvidence(links: string[], rule: EvidenceRule): EvidenceResult {
  const allowed = rule.allow ? globMatcher(rule.allow, true) : null;
  const result: EvidenceResult = { accepted: [], rejected: [] };
  for (const url of links) {
    const reason = rejectionReason(url, allowed, rule.allow);
    if (reason) result.rejected.push({ url, reason });
    else result.accepted.push(url);
  }
  return result;
}

function rejectionReason(
  link: string,
  allowed: ((candidate: string) => boolean) | null,
  patterns: string[] | null,
): string | null {
  if (link.trim() === '' || link.trim() === '#') return 'the link has no target';
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return 'it is not a full web address';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${url.protocol} links are not evidence`;
  const host = url.hostname.toLowerCase();
  if (
    PLACEHOLDER_HOSTS.has(host) ||
    PLACEHOLDER_WORDS.has(host) ||
    PLACEHOLDER_SUFFIXES.some((suffix) => host.endsWith(suffix))
  ) {
    return 'it is a placeholder address';
  }
  // Inner segments must say something: "runs//", a blank or an invisible id is not a run.
  const segments = url.pathname.split('/').slice(1);
  if (segments.slice(0, -1).some(isBlankSegment)) return 'part of its address is empty';
  if (segments.some(isPlaceholderSegment)) return 'it is a placeholder';
  if (allowed && !urlAllowed(url, allowed))
    return `it does not match the allowed links (${(patterns ?? []).join(', ')})`;
  return null;
}

/** A pattern matches the address without query and fragment, or any leading part of it that ends before a "/". */
function urlAllowed(url: URL, allowed: (candidate: string) => boolean): boolean {
  const base = `${url.protocol}//${url.host}`;
  if (allowed(base + url.pathname)) return true;
  if (allowed(base) || allowed(`${base}/`)) return true;
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .slice(0, MAX_PREFIX_SEGMENTS);
  let prefix = base;
  for (const segment of segments) {
    prefix = `${prefix}/${segment}`;
    if (allowed(prefix)) return true;
  }
  return false;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // A malformed escape is judged as written.
  }
}

function isBlankSegment(segment: string): boolean {
  return decodeSegment(segment).replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '') === '';
}

/** Words and template leftovers that stand where a real name or id belongs: TODO, xxx, <id>, {id}, ${{ }}, :id. */
function isPlaceholderSegment(segment: string): boolean {
  const word = decodeSegment(segment).toLowerCase();
  if (segment !== '' && isBlankSegment(segment)) return true;
  return PLACEHOLDER_WORDS.has(word) || /^x{3,}$/.test(word) || /^[<{[$:]/.test(word);
}
