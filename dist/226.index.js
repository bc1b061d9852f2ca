export const id = 226;
export const ids = [226];
export const modules = {

/***/ 4226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGate: () => (/* binding */ runGate)
});

;// CONCATENATED MODULE: ./src/github/default-branch.ts
/** The repository's default branch, for events whose payload does not name it. */
async function getDefaultBranch(client, repository) {
    const { data } = await client.request('GET /repos/{owner}/{repo}', { ...repository });
    return data.default_branch;
}

// EXTERNAL MODULE: ./node_modules/commonmark/lib/index.js + 8 modules
var lib = __webpack_require__(962);
// EXTERNAL MODULE: ./node_modules/linkify-it/index.mjs + 5 modules
var linkify_it = __webpack_require__(5317);
;// CONCATENATED MODULE: ./src/checklist/autolink.ts

/**
 * GFM's autolink literals, found by linkify-it: "http://", "https://" and "ftp://" links, "www."
 * links on any domain (GitHub links them as "http://www…") and e-mail addresses. linkify-it's own
 * bare domains ("example.com") and "//host" links are not links on GitHub, and are turned off.
 */
const linkify = new linkify_it/* default */.A()
    .add('//', null)
    .add('www.', {
    validate(text, at, self) {
        const re = self.re;
        re.www ??= new RegExp(`^${re.src_host_port_strict}${re.src_path}`, 'i');
        return re.www.exec(text.slice(at))?.[0].length ?? 0;
    },
    normalize(match) {
        match.url = `http://${match.url}`;
    },
})
    .set({ fuzzyLink: false, fuzzyEmail: true, fuzzyIP: false });
const LINK_HINT = /[:@]|www\./i;
/** What may stand before a "www." link on GitHub: a space, tab or line end (not a vertical tab or form feed), "*", "_", "~" or "(". */
const WWW_AFTER = /[ \t\n\r*_~(]/;
const TRAILING_PUNCTUATION = new Set([...'?!.,:*_~']);
/** How many characters GFM takes off the end of a link: trailing punctuation, and ")" that closes nothing in it. */
function trailingLength(raw) {
    let end = raw.length;
    let open = 0;
    let close = 0;
    for (const char of raw) {
        if (char === '(')
            open++;
        else if (char === ')')
            close++;
    }
    while (end > 0) {
        const char = raw[end - 1] ?? '';
        if (TRAILING_PUNCTUATION.has(char))
            end--;
        else if (char === ')' && close > open) {
            close--;
            end--;
        }
        else
            break;
    }
    return raw.length - end;
}
/** The links GitHub makes of a run of plain text, in order. */
function autolinks(text) {
    if (!LINK_HINT.test(text))
        return [];
    return (linkify.match(text) ?? []).flatMap((match) => {
        if (match.schema === 'www.' && !WWW_AFTER.test(text[match.index - 1] ?? ' '))
            return [];
        const cut = trailingLength(match.raw);
        if (cut === match.raw.length)
            return [];
        return [
            {
                index: match.index,
                lastIndex: match.lastIndex - cut,
                url: match.url.slice(0, match.url.length - cut),
            },
        ];
    });
}

;// CONCATENATED MODULE: ./src/checklist/plain-text.ts
/** Plain text of a node: markup stripped, HTML (such as id markers) left out, images by their alt text. */
function plainText(node) {
    switch (node.type) {
        case 'html_inline':
        case 'html_block':
        case 'code_block':
            return '';
        case 'text':
        case 'code':
            return node.literal ?? '';
        case 'softbreak':
        case 'linebreak':
            return ' ';
        default: {
            let text = '';
            for (let child = node.firstChild; child !== null; child = child.next)
                text += plainText(child);
            return text;
        }
    }
}
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const UNEVEN_SPACE = /[^\S ]| {2}|^ | $/;
/** White space collapsed to single spaces and trimmed. */
function collapseSpace(text) {
    // Most texts are already even: testing is cheaper than rebuilding them.
    return UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}
/** The form in which texts are compared: case, width, zero-width characters and spacing ignored. */
function matchKey(text) {
    return collapseSpace(text.normalize('NFKC').replace(ZERO_WIDTH, '').toLowerCase());
}
const LEADING_DECORATION = /^[^\p{L}\p{N}]+|^\p{N}+[.)]\s+/u;
const WORD_CHAR = /[\p{L}\p{N})]/u;
/** Drops trailing characters that are not letters, digits or ")": a loop, as a `$`-anchored regex backtracks quadratically. */
function trimTrailingDecoration(text) {
    const chars = Array.from(text);
    let end = chars.length;
    while (end > 0 && !WORD_CHAR.test(chars[end - 1] ?? ''))
        end--;
    return chars.slice(0, end).join('');
}
/**
 * The form in which headings are compared: like matchKey, and also without the emoji,
 * ticks and numbering that checklists put around headings ("## 1. Testing ✓").
 */
function headingKey(text) {
    let key = matchKey(text);
    for (let previous = ''; previous !== key;) {
        previous = key;
        key = trimTrailingDecoration(key.replace(LEADING_DECORATION, '')).trim();
    }
    return key;
}
const SEPARATORS = new Set([...' \t:;,.-–—→()[]{}|/<>']);
/** Drops what evidence links leave behind at the end of an item's text: "passing: " or "passing ()". */
function trimTrailingSeparators(text) {
    let end = text.length;
    while (end > 0 && SEPARATORS.has(text[end - 1] ?? ''))
        end--;
    return text.slice(0, end);
}
/** The English words that introduce evidence at the end of an item: "passed, see https://…". */
const INTRODUCER = /(?:^|\s)(?:in|at|see|via|on|per)$/i;
/** An item's text before its trailing links, without the word and punctuation that introduce them. */
function trimEvidenceIntroducer(text) {
    const trimmed = trimTrailingSeparators(text);
    const introducer = INTRODUCER.exec(trimmed);
    return introducer ? trimTrailingSeparators(trimmed.slice(0, introducer.index)) : trimmed;
}

;// CONCATENATED MODULE: ./src/checklist/inline-text.ts


/** Runs of adjacent text nodes, joined: commonmark splits text at every bracket or delimiter it tried. */
function textRun(first) {
    let text = '';
    let node = first;
    while (node !== null && node.type === 'text') {
        text += node.literal ?? '';
        node = node.next;
    }
    return { text, next: node };
}
/** A run of text split where GitHub links it. */
function linkedRun(text, into) {
    let from = 0;
    for (const link of autolinks(text)) {
        if (link.index > from)
            into.push({ kind: 'text', text: text.slice(from, link.index) });
        into.push({ kind: 'link', text: text.slice(link.index, link.lastIndex) });
        from = link.lastIndex;
    }
    if (from < text.length)
        into.push({ kind: 'text', text: text.slice(from) });
}
/**
 * The top level of a paragraph or heading, after `skip` characters that cmark-gfm's task-list
 * rule steps over (the check): a node only partly stepped over is dropped whole.
 */
function segments(block, skip) {
    const found = [];
    let node = block.firstChild;
    let left = skip;
    while (node !== null) {
        if (node.type === 'text') {
            const run = textRun(node);
            const taken = Math.min(left, run.text.length);
            left -= taken;
            linkedRun(run.text.slice(taken), found);
            node = run.next;
            continue;
        }
        if (left > 0) {
            left = 0;
        }
        else if (node.type === 'link') {
            found.push({ kind: 'link', text: plainText(node) });
        }
        else if (node.type === 'html_inline') {
            found.push({ kind: 'html', text: '' });
        }
        else {
            found.push({ kind: 'text', text: plainText(node) });
        }
        node = node.next;
    }
    return found;
}
/** Nodes that stand for no links of their own: the check stepped over (see segments). */
function skippedNodes(block, skip) {
    const skipped = new Set();
    let left = skip;
    for (let node = block.firstChild; node !== null && left > 0; node = node.next) {
        if (node.type === 'text')
            left -= (node.literal ?? '').length;
        else {
            skipped.add(node);
            left = 0;
        }
    }
    return skipped;
}
/**
 * A link's address with the percent-encoding commonmark adds taken off again ("<run-id>", not
 * "%3Crun-id%3E"), so that reports show it as written; left encoded when it does not decode.
 */
function asWritten(url) {
    if (!url.includes('%'))
        return url;
    try {
        return decodeURI(url);
    }
    catch {
        return url;
    }
}
/** URLs of links inside `node`, in order, GFM's autolink literals included; none from code or what `leaveOut` names. */
function collectLinks(node, into, leaveOut) {
    let child = node.firstChild;
    while (child !== null) {
        if (leaveOut(child)) {
            child = child.next;
            continue;
        }
        if (child.type === 'text') {
            const run = textRun(child);
            for (const link of autolinks(run.text))
                into.push(link.url);
            child = run.next;
            continue;
        }
        if (child.type === 'link' || child.type === 'image') {
            if (child.type === 'link' && child.destination !== null)
                into.push(asWritten(child.destination));
        }
        else if (child.firstChild !== null)
            collectLinks(child, into, leaveOut);
        child = child.next;
    }
}

;// CONCATENATED MODULE: ./src/checklist/task-marker.ts
/**
 * cmark-gfm's task-list rule (its tasklist extension), applied to the whole source line of a list
 * item: white space, one list marker, white space, then "[ ]", "[x]" or "[X]", then white space
 * on the same line. White space here is cmark-gfm's: space, tab, vertical tab or form feed; so
 * "[ ]" followed by "\v" is a box. Anything else before the marker on the line (a block quote's
 * ">", a second list marker) means no box.
 */
const TASK_LINE = /^[ \t\v\f]*(?:[-+*]|\d{1,9}[.)])([ \t\v\f]+)\[([ xX])\][ \t\v\f]/;
function readTaskLine(line) {
    const match = TASK_LINE.exec(line);
    if (!match)
        return null;
    return {
        ticked: match[2] !== ' ',
        drawnTicked: line.includes('[x]') || line.includes('[X]'),
    };
}
/** The three characters cmark-gfm skips after an item's content start when it reads a check. */
const CHECK_LENGTH = 3;
/**
 * Columns of white space between the end of a list marker at `from` and the first other character,
 * tabs to the next stop of four: an item's content starts there when they are at most four, and
 * more make indented code (then cmark-gfm reads no check).
 */
function gapColumns(line, from) {
    let column = 0;
    for (let at = 0; at < from; at++)
        column = line[at] === '\t' ? column + 4 - (column % 4) : column + 1;
    const start = column;
    let at = from;
    while (line[at] === ' ' || line[at] === '\t') {
        column = line[at] === '\t' ? column + 4 - (column % 4) : column + 1;
        at++;
    }
    return { columns: column - start, contentAt: at };
}
/** Offset just past the list marker that starts `line` after its indentation, or null. */
function afterListMarker(line) {
    let at = 0;
    while (line[at] === ' ' || line[at] === '\t')
        at++;
    const char = line[at];
    if (char === '-' || char === '+' || char === '*')
        return at + 1;
    const start = at;
    while (at - start < 10 && (line[at] ?? '') >= '0' && (line[at] ?? '') <= '9')
        at++;
    if (at === start || (line[at] !== '.' && line[at] !== ')'))
        return null;
    return at + 1;
}

;// CONCATENATED MODULE: ./src/checklist/parse.ts




const ID_MARKER = /^<!--\s*id:\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*-->$/;
/** A description the parser refuses to read, saying why: nesting that deep is no checklist. */
class UnreadableDescriptionError extends Error {
}
/** Most block quote and list markers one line may nest; GitHub draws no checkbox on such a line. */
const MAX_MARKERS_ON_A_LINE = 100;
/** Refuses lines that open more than MAX_MARKERS_ON_A_LINE quotes or lists: they cost the parser time and stack out of all proportion. */
function refuseDeepNesting(markdown) {
    let line = 1;
    let markers = 0;
    let counting = true;
    for (let at = 0; at < markdown.length; at++) {
        const char = markdown[at] ?? '';
        if (char === '\n') {
            line++;
            markers = 0;
            counting = true;
            continue;
        }
        if (!counting || char === ' ' || char === '\t')
            continue;
        const next = markdown[at + 1] ?? ' ';
        if (char === '>' || ('-*+'.includes(char) && (next === ' ' || next === '\t')))
            markers++;
        else if (char >= '0' && char <= '9') {
            let end = at;
            while ((markdown[end] ?? '') >= '0' && (markdown[end] ?? '') <= '9')
                end++;
            if ((markdown[end] === '.' || markdown[end] === ')') && (markdown[end + 1] ?? ' ').trim() === '') {
                markers++;
                at = end;
            }
            else
                counting = false;
        }
        else
            counting = false;
        if (markers > MAX_MARKERS_ON_A_LINE) {
            throw new UnreadableDescriptionError(`line ${line} of the description nests more than ${MAX_MARKERS_ON_A_LINE} block quotes or list markers; ` +
                'checklist-gate reads at most that many, and GitHub draws no checkbox on such a line');
        }
    }
}
/** Parses a description with GitHub's Markdown dialect and returns the checkboxes GitHub would draw. */
function parseChecklist(markdown) {
    refuseDeepNesting(markdown);
    try {
        return new ChecklistReader(markdown).read();
    }
    catch (error) {
        if (error instanceof RangeError) {
            throw new UnreadableDescriptionError(`the description nests blocks too deeply to read (${error.message})`);
        }
        throw error;
    }
}
/** Markup that can stand in a one-line text: only such texts are parsed. */
const INLINE_MARKUP = /[*_`[\]<~\\&!]/;
/** A policy text as it reads in the description: "Run `npm test`" reads "Run npm test". */
function markdownToPlainText(text) {
    return INLINE_MARKUP.test(text) ? collapseSpace(plainText(new lib/* Parser */.iX().parse(text))) : text;
}
/** Offsets at which the lines of a text start, lines ending as in CommonMark (LF, CR or CRLF). */
function lineStarts(markdown) {
    const starts = [0];
    for (let at = 0; at < markdown.length; at++) {
        const char = markdown[at];
        if (char === '\n' || (char === '\r' && markdown[at + 1] !== '\n'))
            starts.push(at + 1);
    }
    return starts;
}
function isTrailingEvidence(segment) {
    if (segment === undefined)
        return false;
    return segment.kind !== 'text' || trimTrailingSeparators(segment.text.trim()) === '';
}
/** A paragraph's own words: text nodes only, so that a marker quoted in a code span does not count. */
function proseText(node) {
    if (node.type === 'text')
        return node.literal ?? '';
    let text = '';
    for (let child = node.firstChild; child !== null; child = child.next)
        text += proseText(child);
    return text;
}
/** Inline nodes have no position of their own: the paragraph or heading around them stands for them. */
function enclosingBlock(node) {
    let block = node;
    while (block.sourcepos === undefined && block.parent !== null)
        block = block.parent;
    return block;
}
class ChecklistReader {
    markdown;
    items = [];
    headings = [];
    markerCandidates = [];
    headingStack = [];
    boxes = new Map();
    /** Every list item in document order, with its lines, and the task item it is, if any. */
    listItems = [];
    /** Lines inside code and HTML blocks, where cmark-gfm reads no check. */
    literalLines = new Set();
    /** Lines inside block quotes, where a lazy line can carry a check. */
    quotedLines = new Set();
    starts;
    constructor(markdown) {
        this.markdown = markdown;
        this.starts = lineStarts(markdown);
    }
    read() {
        const tree = new lib/* Parser */.iX().parse(this.markdown);
        const walker = tree.walker();
        // Enclosing lists and task items, as the walk enters and leaves them: a walk, not recursion,
        // so that lists nested hundreds deep do not exhaust the call stack.
        let listDepth = 0;
        const taskStack = [];
        for (let event = walker.next(); event !== null; event = walker.next()) {
            const { node, entering } = event;
            if (node.type === 'list')
                listDepth += entering ? 1 : -1;
            if (node.type === 'item' && this.boxes.has(node) && !entering)
                taskStack.pop();
            if (!entering)
                continue;
            switch (node.type) {
                case 'item': {
                    const box = this.taskBox(node);
                    const entry = {
                        node,
                        start: node.sourcepos[0][0],
                        end: node.sourcepos[1][0],
                        task: null,
                    };
                    this.listItems.push(entry);
                    if (box === null)
                        break;
                    this.boxes.set(node, box);
                    entry.task = this.addTaskItem(node, box, listDepth - 1, taskStack.at(-1) ?? null);
                    taskStack.push(entry.task);
                    break;
                }
                case 'block_quote':
                    for (let line = node.sourcepos[0][0]; line <= node.sourcepos[1][0]; line++)
                        this.quotedLines.add(line);
                    break;
                case 'code_block':
                    for (let line = node.sourcepos[0][0]; line <= node.sourcepos[1][0]; line++)
                        this.literalLines.add(line);
                    break;
                case 'heading':
                    this.addHeading(node);
                    break;
                case 'html_block':
                    for (let line = node.sourcepos[0][0]; line <= node.sourcepos[1][0]; line++)
                        this.literalLines.add(line);
                    this.addMarkerCandidate('html', node.literal ?? '', node);
                    break;
                case 'html_inline':
                    this.addMarkerCandidate('html', node.literal ?? '', enclosingBlock(node));
                    break;
                case 'paragraph':
                    this.addMarkerCandidate('paragraph', collapseSpace(proseText(node)), node);
                    break;
            }
        }
        this.applyLaterChecks();
        return {
            items: this.items,
            headings: this.headings,
            markerCandidates: this.markerCandidates,
            length: this.markdown.length,
        };
    }
    /**
     * cmark-gfm reads a check again on a later line of an item where the item is the innermost block
     * the line continues (a lazy line of a block quote inside the item), and draws the item's box as
     * that line says. The gate keeps the stricter reading: ticked only when the item's own check is
     * ticked and GitHub draws it ticked.
     */
    applyLaterChecks() {
        const starts = new Set(this.listItems.map((entry) => entry.start));
        for (let number = 1; number <= this.starts.length; number++) {
            if (starts.has(number) || this.literalLines.has(number) || !this.quotedLines.has(number))
                continue;
            const later = readTaskLine(this.line(number));
            if (later === null)
                continue;
            // The innermost item around the line: the last one to start before it that still holds it.
            let at = this.listItems.length - 1;
            while (at >= 0 && (this.listItems[at]?.start ?? 0) > number)
                at--;
            while (at >= 0 && (this.listItems[at]?.end ?? 0) < number)
                at--;
            const task = this.listItems[at]?.task;
            const item = task === null || task === undefined ? undefined : this.items[task];
            if (item)
                item.checked = (this.boxes.get(this.listItems[at]?.node)?.own ?? false) && later.drawnTicked;
        }
    }
    line(number) {
        const start = this.starts[number - 1] ?? this.markdown.length;
        const next = this.starts[number];
        let end = next === undefined ? this.markdown.length : next - 1;
        if (this.markdown[end - 1] === '\r' && this.markdown[end] === '\n')
            end--;
        return this.markdown.slice(start, end);
    }
    offset(position) {
        return (this.starts[position[0] - 1] ?? 0) + position[1] - 1;
    }
    /**
     * Whether GitHub draws a box for the item, by cmark-gfm's rule on the item's own line: the line
     * must be a task line, and the content must start at the check (more than four columns after the
     * marker make indented code, where cmark-gfm reads no check).
     */
    taskBox(item) {
        const [lineNumber, column] = item.sourcepos[0];
        const line = this.line(lineNumber);
        if (line.slice(0, column - 1).trim() !== '')
            return null;
        const task = readTaskLine(line);
        const markerEnd = afterListMarker(line);
        if (task === null || markerEnd === null)
            return null;
        const { columns, contentAt } = gapColumns(line, markerEnd);
        if (columns > 4)
            return null;
        // cmark-gfm steps over three characters from the content's start; white space among them
        // that commonmark already trimmed from the paragraph is not stepped over again.
        const stepped = line.slice(contentAt, contentAt + CHECK_LENGTH);
        const trimmed = stepped.length - stepped.replace(/^[\v\f]+/, '').length;
        // The stricter reading: ticked only when the check is ticked and GitHub draws it ticked.
        return { ticked: task.ticked && task.drawnTicked, own: task.ticked, skip: CHECK_LENGTH - trimmed };
    }
    addHeading(node) {
        const [line] = node.sourcepos[0];
        const heading = {
            text: collapseSpace(plainText(node)),
            depth: node.level,
            line,
            offset: this.offset(node.sourcepos[0]),
        };
        while ((this.headingStack.at(-1)?.depth ?? 0) >= heading.depth && this.headingStack.length > 0)
            this.headingStack.pop();
        this.headingStack.push(heading);
        this.headings.push(heading);
    }
    addMarkerCandidate(kind, value, node) {
        const [start, end] = node.sourcepos;
        this.markerCandidates.push({
            kind,
            value,
            start: this.offset(start),
            end: (this.starts[end[0] - 1] ?? 0) + end[1],
        });
    }
    addTaskItem(node, box, depth, parent) {
        const first = node.firstChild;
        const reads = first !== null && (first.type === 'paragraph' || first.type === 'heading');
        const pieces = reads ? segments(first, box.skip) : [];
        const skipped = reads ? skippedNodes(first, box.skip) : new Set();
        const links = [];
        collectLinks(node, links, (child) => skipped.has(child) || this.isTaskItem(child));
        const textOf = (parts) => collapseSpace(parts.map((part) => part.text).join(''));
        const trailing = [...pieces];
        let endsInLink = false;
        while (isTrailingEvidence(trailing.at(-1)))
            endsInLink = trailing.pop()?.kind === 'link' || endsInLink;
        const withoutLinks = trimTrailingSeparators(textOf(trailing));
        const [line] = node.sourcepos[0];
        const item = {
            index: this.items.length,
            text: textOf(pieces),
            textWithoutLinks: withoutLinks,
            textBeforeEvidence: endsInLink ? trimEvidenceIntroducer(withoutLinks) : withoutLinks,
            checked: box.ticked,
            line,
            depth,
            parent,
            section: this.headingStack.at(-1)?.text ?? null,
            headings: this.headingStack.map((heading) => heading.text),
            links: [...new Set(links)],
            id: this.ownId(node),
            offset: this.offset(node.sourcepos[0]),
        };
        this.items.push(item);
        return item.index;
    }
    /** Nested task items are told apart before their own turn in the walk. */
    isTaskItem(node) {
        if (node.type !== 'item')
            return false;
        if (!this.boxes.has(node)) {
            const box = this.taskBox(node);
            if (box === null)
                return false;
            this.boxes.set(node, box);
        }
        return true;
    }
    /** The first `<!-- id: … -->` marker on the item's own content, leaving out nested task items and code. */
    ownId(item) {
        const pending = [];
        for (let child = item.lastChild; child !== null; child = child.prev)
            pending.push(child);
        for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
            if (this.isTaskItem(node))
                continue;
            if (node.type === 'html_inline' || node.type === 'html_block') {
                const match = ID_MARKER.exec((node.literal ?? '').trim());
                if (match?.[1])
                    return match[1];
            }
            for (let child = node.lastChild; child !== null; child = child.prev)
                pending.push(child);
        }
        return null;
    }
}

;// CONCATENATED MODULE: ./src/checklist/block.ts

function selectBlock(doc, location) {
    if (location.heading !== undefined)
        return headingBlock(doc, location.heading);
    if (location.start !== undefined)
        return markerBlock(doc, location.start, location.end);
    return {
        found: true,
        where: 'the whole description',
        items: doc.items,
        range: { start: 0, end: doc.length },
    };
}
function within(doc, start, end) {
    return doc.items.filter((item) => item.offset >= start && item.offset < end);
}
function headingBlock(doc, wanted) {
    const where = `the section under the heading "${wanted}"`;
    const key = headingKey(wanted);
    const index = doc.headings.findIndex((heading) => headingKey(heading.text) === key);
    const heading = doc.headings[index];
    if (!heading)
        return { found: false, where, items: [], range: { start: 0, end: 0 } };
    const next = doc.headings.slice(index + 1).find((other) => other.depth <= heading.depth);
    const range = { start: heading.offset, end: next ? next.offset : doc.length };
    return { found: true, where, items: within(doc, range.start, range.end), range };
}
function holds(candidate, marker) {
    return candidate.kind === 'html' ? candidate.value.includes(marker) : candidate.value === marker.trim();
}
function markerBlock(doc, start, end) {
    const where = end === undefined ? `the text after ${start}` : `the text between ${start} and ${end}`;
    const opening = doc.markerCandidates.find((candidate) => holds(candidate, start));
    if (!opening)
        return { found: false, where, items: [], range: { start: 0, end: 0 } };
    let closeAt = doc.length;
    if (end !== undefined) {
        const closing = doc.markerCandidates.find((candidate) => candidate.start >= opening.start && candidate !== opening && candidate.value.includes(end));
        // Same node holding both markers on one line: nothing between them can be a list item.
        const sameNode = opening.kind === 'html' && opening.value.indexOf(end, opening.value.indexOf(start) + start.length) >= 0;
        if (!closing && !sameNode)
            return { found: false, where, items: [], range: { start: 0, end: 0 } };
        closeAt = sameNode ? opening.end : (closing?.start ?? doc.length);
    }
    const range = { start: opening.end, end: closeAt };
    return { found: true, where, items: within(doc, range.start, range.end), range };
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/evaluate/conditions.ts

/** A `when:` holds when each of its lists holds; a list holds when any entry matches. Unknown facts count as holding, so the gate stays closed. */
function conditionHolds(when, context) {
    const notes = [];
    if (!when)
        return { holds: true, notes };
    if (when.events && !when.events.includes(context.event))
        return { holds: false, notes };
    if (when.labels) {
        const wanted = new Set(when.labels.map((label) => label.toLowerCase()));
        if (!context.labels.some((label) => wanted.has(label.toLowerCase())))
            return { holds: false, notes };
    }
    if (when.branches) {
        if (context.baseBranch === null)
            notes.push('the base branch is unknown, so its branch condition was taken to hold');
        else if (!picomatch_default()(when.branches)(context.baseBranch))
            return { holds: false, notes };
    }
    if (when.paths) {
        if (context.changedPaths === null) {
            notes.push('the changed files are unknown, so its path condition was taken to hold');
        }
        else if (context.changedPathsCapped) {
            notes.push('GitHub lists at most 3,000 changed files, so its path condition was taken to hold');
        }
        else {
            const matches = picomatch_default()(when.paths, { dot: true });
            if (!context.changedPaths.some((path) => matches(path)))
                return { holds: false, notes };
        }
    }
    return { holds: true, notes };
}

;// CONCATENATED MODULE: ./src/evaluate/evidence.ts

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
function checkEvidence(links, rule) {
    const allowed = rule.allow ? picomatch_default()(rule.allow, { dot: true }) : null;
    const result = { accepted: [], rejected: [] };
    for (const url of links) {
        const reason = rejectionReason(url, allowed, rule.allow);
        if (reason)
            result.rejected.push({ url, reason });
        else
            result.accepted.push(url);
    }
    return result;
}
function rejectionReason(link, allowed, patterns) {
    if (link.trim() === '' || link.trim() === '#')
        return 'the link has no target';
    let url;
    try {
        url = new URL(link);
    }
    catch {
        return 'it is not a full web address';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return `${url.protocol} links are not evidence`;
    const host = url.hostname.toLowerCase();
    if (PLACEHOLDER_HOSTS.has(host) ||
        PLACEHOLDER_WORDS.has(host) ||
        PLACEHOLDER_SUFFIXES.some((suffix) => host.endsWith(suffix))) {
        return 'it is a placeholder address';
    }
    // Inner segments must say something: "runs//", a blank or an invisible id is not a run.
    const segments = url.pathname.split('/').slice(1);
    if (segments.slice(0, -1).some(isBlankSegment))
        return 'part of its address is empty';
    if (segments.some(isPlaceholderSegment))
        return 'it is a placeholder';
    if (allowed && !urlAllowed(url, allowed))
        return `it does not match the allowed links (${(patterns ?? []).join(', ')})`;
    return null;
}
/** A pattern matches the address without query and fragment, or any leading part of it that ends before a "/". */
function urlAllowed(url, allowed) {
    const base = `${url.protocol}//${url.host}`;
    if (allowed(base + url.pathname))
        return true;
    if (allowed(base) || allowed(`${base}/`))
        return true;
    const segments = url.pathname
        .split('/')
        .filter((segment) => segment !== '')
        .slice(0, MAX_PREFIX_SEGMENTS);
    let prefix = base;
    for (const segment of segments) {
        prefix = `${prefix}/${segment}`;
        if (allowed(prefix))
            return true;
    }
    return false;
}
function decodeSegment(segment) {
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return segment; // A malformed escape is judged as written.
    }
}
function isBlankSegment(segment) {
    return decodeSegment(segment).replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '') === '';
}
/** Words and template leftovers that stand where a real name or id belongs: TODO, xxx, <id>, {id}, ${{ }}, :id. */
function isPlaceholderSegment(segment) {
    const word = decodeSegment(segment).toLowerCase();
    if (segment !== '' && isBlankSegment(segment))
        return true;
    return PLACEHOLDER_WORDS.has(word) || /^x{3,}$/.test(word) || /^[<{[$:]/.test(word);
}

;// CONCATENATED MODULE: ./src/evaluate/github-link.ts
/** What each kind of link is called in messages. */
const LINK_WORDS = {
    run: 'run',
    job: 'job',
    pull: 'pull request',
    issue: 'issue',
    commit: 'commit',
    'check-run': 'check run',
    release: 'release',
};
const VERIFIABLE = 'an Actions run, job, check run, pull request, issue, commit or release';
const SHA = /^[0-9a-f]{7,40}$/i;
/** GitHub's ids are signed 64-bit integers. */
const MAX_ID = '9223372036854775807';
/**
 * Reads a link to the repository's GitHub host (`host`, such as github.com) as an Actions run,
 * job, pull request, issue, commit, check run or release; null for anything else.
 */
function parseGitHubLink(link, host) {
    const reading = readGitHubLink(link, host);
    return reading.ok ? reading.link : null;
}
/**
 * Reads a link as a GitHub object on `host`, or says why it cannot be verified: another host, a
 * form that is none of the verifiable ones, or an id that is not an exact string of digits (letters,
 * percent-encoding, more digits than a 64-bit id has). Nothing is guessed: `runs/1e3` is no run.
 */
function readGitHubLink(link, host) {
    let url;
    try {
        url = new URL(link);
    }
    catch {
        return { ok: false, reason: 'it is not a full web address' };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return { ok: false, reason: `it is a ${url.protocol} link` };
    if (url.host.toLowerCase() !== host.toLowerCase())
        return { ok: false, reason: `it is not on ${host}` };
    const notVerifiable = { ok: false, reason: `it is not a link to ${VERIFIABLE} on ${host}` };
    const [owner, repo, kind, ...rest] = url.pathname.split('/').filter((part) => part !== '');
    if (!owner || !repo || !kind)
        return notVerifiable;
    const name = `${owner}/${repo}`.toLowerCase();
    const base = { owner, repo };
    const [first, second, what, value] = rest;
    const found = (link) => ({ ok: true, link });
    if (kind === 'actions' && first === 'runs') {
        const run = idOf(second, 'run id');
        if (!run.ok)
            return run;
        if (what === 'job' || what === 'jobs') {
            const job = idOf(value, 'job id');
            if (!job.ok)
                return job;
            return found({
                ...base,
                kind: 'job',
                jobId: job.id,
                key: `job:${name}:${job.id}`,
                // An Actions job is a check run with the same id.
                target: `check-run:${name}:${job.id}`,
                label: `job ${job.id}`,
            });
        }
        let attempt = null;
        if (what === 'attempts') {
            const number = idOf(value, 'attempt number');
            if (!number.ok)
                return number;
            attempt = number.id;
        }
        return found({
            ...base,
            kind: 'run',
            runId: run.id,
            attempt,
            key: `run:${name}:${run.id}${attempt === null ? '' : `/${attempt}`}`,
            target: `run:${name}:${run.id}`,
            label: `run ${run.id}${attempt === null ? '' : ` (attempt ${attempt})`}`,
        });
    }
    if (kind === 'pull' || kind === 'issues') {
        const number = idOf(first, kind === 'pull' ? 'pull request number' : 'issue number');
        if (!number.ok)
            return number;
        // Pull requests and issues share their numbers: /issues/9 of a pull request is that pull request.
        const target = `issue:${name}:${number.id}`;
        const common = { ...base, key: `${kind === 'pull' ? 'pull' : 'issue'}:${name}:${number.id}`, target };
        return found(kind === 'pull'
            ? { ...common, kind: 'pull', number: number.id, label: `PR #${number.id}` }
            : { ...common, kind: 'issue', number: number.id, label: `issue #${number.id}` });
    }
    if (kind === 'commit') {
        if (!first || !SHA.test(first))
            return { ok: false, reason: 'its commit is not a hexadecimal sha of 7 to 40 digits' };
        const sha = first.toLowerCase();
        const key = `commit:${name}:${sha}`;
        return found({ ...base, kind: 'commit', sha, key, target: key, label: `commit ${sha.slice(0, 7)}` });
    }
    if (kind === 'runs') {
        const check = idOf(first, 'check run id');
        if (!check.ok)
            return check;
        const key = `check-run:${name}:${check.id}`;
        return found({
            ...base,
            kind: 'check-run',
            checkRunId: check.id,
            key,
            target: key,
            label: `check run ${check.id}`,
        });
    }
    if (kind === 'releases' && first === 'tag' && second) {
        const tag = safeDecode(rest.slice(1).join('/'));
        const key = `release:${name}:${tag}`;
        return found({ ...base, kind: 'release', tag, key, target: key, label: `release ${tag}` });
    }
    return notVerifiable;
}
/** An id as GitHub's API takes it: ASCII digits only, leading zeros dropped, within 64 bits. */
function idOf(segment, what) {
    if (segment === undefined)
        return { ok: false, reason: `it has no ${what}` };
    if (segment.includes('%'))
        return { ok: false, reason: `its ${what} is percent-encoded; write it as plain digits` };
    if (!/^[0-9]+$/.test(segment))
        return { ok: false, reason: `its ${what} "${segment}" is not a number` };
    const id = segment.replace(/^0+(?=\d)/, '');
    if (id.length > MAX_ID.length || (id.length === MAX_ID.length && id > MAX_ID))
        return { ok: false, reason: `its ${what} has more digits than a GitHub id can have` };
    return { ok: true, id };
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/**
 * What a link proves, for counting distinct evidence: the GitHub object it names on its own host,
 * or, for any other link, the address without its fragment. Two spellings of one run are one target.
 */
function evidenceTarget(link) {
    let url;
    try {
        url = new URL(link);
    }
    catch {
        return link;
    }
    const host = url.host.toLowerCase();
    const reading = readGitHubLink(link, host);
    if (reading.ok)
        return `${host}|${reading.link.target}`;
    url.hash = '';
    return url.href.replace(/\/+(?=$|\?)/, '');
}
/**
 * How many distinct targets the links prove. Commits are compared by prefix, since an abbreviated
 * sha names the same commit as the full one.
 */
function countTargets(links) {
    const targets = [...new Set(links.map(evidenceTarget))].sort((a, b) => b.length - a.length);
    const kept = [];
    for (const target of targets) {
        const commit = target.includes('|commit:');
        if (!commit || !kept.some((longer) => longer.includes('|commit:') && longer.startsWith(target)))
            kept.push(target);
    }
    return kept.length;
}

;// CONCATENATED MODULE: ./src/evaluate/item-index.ts

function indexItems(items) {
    const index = { items, byText: new Map(), byId: new Map(), headingKeys: new Map() };
    const keyCache = new Map();
    for (const item of items) {
        const key = matchKey(item.text);
        push(index.byText, key, item);
        const withoutLinks = matchKey(item.textWithoutLinks);
        if (withoutLinks !== key && withoutLinks !== '')
            push(index.byText, withoutLinks, item);
        const beforeEvidence = matchKey(item.textBeforeEvidence ?? item.textWithoutLinks);
        if (beforeEvidence !== key && beforeEvidence !== withoutLinks && beforeEvidence !== '')
            push(index.byText, beforeEvidence, item);
        if (item.id !== null)
            push(index.byId, item.id.toLowerCase(), item);
        const keys = item.headings.map((heading) => {
            let key = keyCache.get(heading);
            if (key === undefined) {
                key = headingKey(heading);
                keyCache.set(heading, key);
            }
            return key;
        });
        index.headingKeys.set(item.index, keys);
    }
    return index;
}
function isUnder(index, item, key) {
    return index.headingKeys.get(item.index)?.includes(key) ?? false;
}
function push(map, key, item) {
    const list = map.get(key);
    if (list)
        list.push(item);
    else
        map.set(key, [item]);
}

;// CONCATENATED MODULE: ./src/evaluate/match-items.ts



/** Longest item text a policy regular expression is run on; keeps a costly pattern bounded. */
const MAX_MATCHED_TEXT = 2000;
/**
 * The task items a policy item names: those carrying its id marker, and those with its text or
 * matching its pattern. Every one of them must satisfy the rule, so a decoy carrying the id cannot
 * stand in for the real item, and a reworded item keeps its rule as long as it keeps its id.
 */
function findMatches(rule, index) {
    const section = rule.section === null ? null : headingKey(rule.section);
    const found = new Set();
    if (rule.id !== null)
        for (const item of index.byId.get(rule.id.toLowerCase()) ?? [])
            found.add(item);
    if (rule.text !== null) {
        for (const item of index.byText.get(matchKey(markdownToPlainText(rule.text))) ?? [])
            found.add(item);
    }
    if (rule.match !== null) {
        const pattern = new RegExp(rule.match, 'i');
        const matches = (text) => pattern.test(text.slice(0, MAX_MATCHED_TEXT));
        for (const item of index.items)
            if (matches(item.text) || matches(item.textWithoutLinks))
                found.add(item);
    }
    return [...found]
        .filter((item) => section === null || isUnder(index, item, section))
        .sort((a, b) => a.index - b.index);
}

;// CONCATENATED MODULE: ./src/evaluate/plan-facts.ts






/**
 * Works out, from the description, the policy and what is already known of the pull request,
 * which links must be verified (those of ticked items whose rule asks for verification, may be
 * required here, and passes the allow-list), and whether the changed files, the reviews and team
 * members are needed. Path conditions count as holding here: the files come in the same round.
 */
function factsNeeded(doc, policy, host, context) {
    const index = indexItems(selectBlock(doc, policy.checklist).items);
    const mayHold = { ...context, changedPaths: null };
    const found = [];
    let reviews = false;
    const teams = new Set();
    for (const rule of policy.items) {
        if (!conditionHolds(rule.when, mayHold).holds)
            continue;
        const ticked = findMatches(rule, index).filter((item) => item.checked);
        if (rule.approvers && ticked.length > 0) {
            reviews = true;
            for (const approver of rule.approvers)
                if (approver.includes('/'))
                    teams.add(approver.toLowerCase());
        }
        if (!rule.evidence?.verify)
            continue;
        for (const item of ticked) {
            checkEvidence(item.links, rule.evidence).accepted.forEach((url, order) => {
                const link = parseGitHubLink(url, host);
                if (link)
                    found.push({ position: item.index, order, link });
            });
        }
    }
    found.sort((a, b) => a.position - b.position || a.order - b.order);
    const byKey = new Map();
    for (const { link } of found)
        if (!byKey.has(link.key))
            byKey.set(link.key, link);
    const distinct = [...byKey.values()];
    const conditions = [...policy.items.map((rule) => rule.when), ...policy.sections.map((rule) => rule.when)];
    return {
        links: distinct.slice(0, policy.verification.maxLinks),
        overLimit: Math.max(0, distinct.length - policy.verification.maxLinks),
        changedFiles: conditions.some((when) => when?.paths !== undefined),
        reviews,
        teams: [...teams],
    };
}

;// CONCATENATED MODULE: ./src/report/report.ts
const FAILING_STATUSES = new Set([
    'unchecked',
    'missing',
    'no-evidence',
    'bad-evidence',
    'unapproved',
]);

;// CONCATENATED MODULE: ./src/evaluate/advice.ts
/** Friendly names for the allow-list patterns teams use most. */
const KNOWN_LINKS = [
    [/\/actions\/runs\//, 'a GitHub Actions run'],
    [/\/pull\/\*?/, 'a pull request'],
    [/\/issues\//, 'an issue'],
    [/\/commit\//, 'a commit'],
    [/\/releases\//, 'a release'],
    [/\/check-runs\//, 'a check run'],
];
/** The evidence an item needs, in words: "a link to the load-test report". */
function evidenceWords(rule) {
    const count = rule.min > 1 ? `${rule.min} links` : 'a link';
    if (rule.hint !== null)
        return `${count} to ${rule.hint}`;
    if (rule.allow !== null) {
        const named = rule.allow.map((pattern) => KNOWN_LINKS.find(([shape]) => shape.test(pattern))?.[1] ?? null);
        if (named.every((name) => name !== null))
            return `${count} to ${[...new Set(named)].join(' or ')}`;
        return `${count} matching ${rule.allow.join(' or ')}`;
    }
    return `${count} to the evidence (a full http(s) address)`;
}
/** How a rule's item is written in the description, for telling authors what to add back. */
function itemLine(rule) {
    const text = rule.text ?? rule.id ?? 'the item';
    const marker = rule.id !== null ? ` <!-- id: ${rule.id} -->` : '';
    return `- [ ] ${text}${marker}`;
}
/** A rule's name in messages: its id, text or pattern. */
function ruleName(rule) {
    if (rule.id !== null)
        return rule.id;
    if (rule.text !== null)
        return `"${rule.text}"`;
    return `/${rule.match ?? ''}/`;
}

;// CONCATENATED MODULE: ./src/evaluate/judge-item.ts



/** Whether a task item satisfies what is asked of it: ticked, with its evidence, signed by the right people. */
function judgeItem(item, required, rule, facts) {
    const evidence = rule?.evidence ?? null;
    if (!item.checked) {
        if (!required)
            return { status: 'optional', problems: [], fix: null };
        return { status: 'unchecked', problems: ['not ticked'], fix: tickFix(evidence, rule?.approvers ?? null) };
    }
    const name = rule?.id ?? `"${item.textWithoutLinks}"`;
    const verdict = (evidence ? judgeEvidence(item, evidence, facts, name) : null) ??
        (rule?.approvers ? judgeSignoff(item, rule.approvers, facts, name) : null);
    if (!verdict)
        return { status: 'ok', problems: [], fix: null };
    return required ? verdict : { ...verdict, status: 'optional' };
}
function tickFix(evidence, approvers) {
    const tick = evidence && evidence.min > 0
        ? `Tick the box and add ${evidenceWords(evidence)} to the item.`
        : 'Tick the box once this is done.';
    return approvers
        ? `${tick} It counts once ${approverWords(approvers)} approves the pull request or ticks it.`
        : tick;
}
function judgeEvidence(item, evidence, facts, name) {
    const { accepted, rejected } = checkEvidence(item.links, evidence);
    const verified = evidence.verify
        ? verifyLinks(accepted, evidence, facts, name)
        : { good: accepted, refused: [] };
    const refused = [...rejected, ...verified.refused];
    // Distinct targets count, not spellings: runs/101 and runs/0101 are one run.
    const count = countTargets(verified.good);
    if (count >= evidence.min)
        return null;
    const words = evidenceWords(evidence);
    if (refused.length > 0) {
        return {
            status: 'bad-evidence',
            problems: refused.map((link) => `${link.url.trim() === '' ? 'an empty link' : link.url} is not accepted: ${link.reason}`),
            fix: `Replace the link with ${words}.`,
        };
    }
    const links = verified.good.length;
    const spread = links > count ? `${links} acceptable links, to ${count} distinct target${count === 1 ? '' : 's'}` : null;
    return {
        status: 'no-evidence',
        problems: [
            count === 0
                ? `ticked without evidence: needs ${words}`
                : `ticked with ${spread ?? `${count} acceptable link${count === 1 ? '' : 's'}`}: needs ${words}`,
        ],
        fix: `Add ${words} on the item's line or in a bullet under it.`,
    };
}
/**
 * Checks each acceptable link against what the API said of it. A link that is not a verifiable
 * GitHub object on the host is refused: verify asks for proof, and such a link proves nothing.
 */
function verifyLinks(urls, evidence, facts, name) {
    if (facts.evidence === null) {
        if (urls.length > 0)
            facts.notes.push(`${name}: its links were not verified; the CLI does not call the GitHub API.`);
        return { good: urls, refused: [] };
    }
    const { host, links, maxLinks } = facts.evidence;
    const result = { good: [], refused: [] };
    for (const url of urls) {
        const reading = readGitHubLink(url, host);
        if (!reading.ok) {
            result.refused.push({ url, reason: `${reading.reason}, so it cannot be verified` });
            continue;
        }
        const link = reading.link;
        const found = links.get(link.key);
        const reason = foreignRun(link, evidence, facts.evidence) ??
            (found === undefined
                ? `not verified: one evaluation verifies at most ${maxLinks} distinct link${maxLinks === 1 ? '' : 's'}`
                : refusal(link, found, evidence.sameCommit, facts.evidence.commit));
        if (reason === null)
            result.good.push(url);
        else
            result.refused.push({ url, reason });
    }
    return result;
}
/**
 * With same-commit, a run proves the commit only in the repository under review, or in one the
 * rule names: a green run of the same commit in a scratch fork proves nothing about this one's CI.
 */
function foreignRun(link, evidence, facts) {
    if (!evidence.sameCommit || (link.kind !== 'run' && link.kind !== 'job' && link.kind !== 'check-run'))
        return null;
    const name = `${link.owner}/${link.repo}`.toLowerCase();
    if (name === facts.repository.toLowerCase() || evidence.repositories.includes(name))
        return null;
    return `${link.label} is in ${link.owner}/${link.repo}, not in the repository under review (${facts.repository}); name other repositories in evidence.repositories`;
}
/** Why the linked thing does not show what the item claims, or null when it does. */
function refusal(link, facts, sameCommit, commit) {
    const place = `${link.label} in ${link.owner}/${link.repo}`;
    if (!facts.found) {
        if (facts.reason === 'not-found')
            return `no such ${LINK_WORDS[link.kind]} (${place}), or this token cannot read that repository`;
        if (facts.reason === 'unreadable')
            return `${place} cannot be read with this token, so it is unverifiable`;
        return `${place} could not be checked: ${facts.detail}`;
    }
    switch (facts.kind) {
        case 'run':
        case 'job':
        case 'check-run':
            if (facts.status !== 'completed')
                return `${link.label} has not completed (it is ${facts.status})`;
            if (facts.conclusion !== 'success')
                return `${link.label} concluded ${facts.conclusion ?? 'without a conclusion'}`;
            if (sameCommit && commit === null)
                return `${link.label} cannot be matched to a commit: no commit is under review here`;
            if (sameCommit && commit !== null && facts.headSha.toLowerCase() !== commit.toLowerCase()) {
                return `${link.label} ran on ${facts.headSha.slice(0, 7)}, not on the commit under review (${commit.slice(0, 7)})`;
            }
            return null;
        case 'pull':
            return facts.merged ? null : `${link.label} is not merged`;
        case 'issue':
            if (facts.pullRequestMerged !== null)
                return facts.pullRequestMerged ? null : `${link.label} is a pull request that is not merged`;
            if (facts.state !== 'closed')
                return `${link.label} is still open`;
            // Issues closed before GitHub recorded a reason have none; closed counts as completed for them.
            if (facts.stateReason === null || facts.stateReason === 'completed')
                return null;
            return `${link.label} was closed as ${facts.stateReason.replace(/_/g, ' ')}, not as completed`;
        case 'commit':
            return null;
        case 'release':
            return facts.draft ? `${link.label} is a draft, not published` : null;
    }
}
function approverWords(approvers) {
    const names = approvers.map((approver) => approver.includes('/') ? `a member of @${approver}` : `@${approver}`);
    return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
}
/**
 * A ticked item with approvers passes when one of them vouched for it: an approving review on the
 * current head commit, or the edit that ticked it was theirs.
 */
function judgeSignoff(item, approvers, facts, name) {
    if (facts.signoffs === null) {
        facts.notes.push(`${name}: its approvers were not checked; the CLI does not call the GitHub API.`);
        return null;
    }
    const { approvedBy, teams } = facts.signoffs;
    const members = (approver) => {
        const team = teams.get(approver.toLowerCase());
        return team && 'members' in team ? team.members : null;
    };
    const isApprover = (login) => approvers.some((approver) => approver.includes('/')
        ? (members(approver)?.includes(login.toLowerCase()) ?? false)
        : approver.toLowerCase() === login.toLowerCase());
    const ticker = facts.tickedBy.get(item.index) ?? null;
    if (approvedBy.some(isApprover) || (ticker !== null && isApprover(ticker)))
        return null;
    // A team that could not be read is an error on the item, never a silent pass.
    const unreadable = approvers
        .filter((approver) => approver.includes('/') && members(approver) === null)
        .map((approver) => {
        const team = teams.get(approver.toLowerCase());
        return team && 'error' in team ? team.error : `the members of ${approver} were not read`;
    });
    return {
        status: 'unapproved',
        problems: [
            ticker !== null
                ? `ticked by @${ticker}, who is not an approver`
                : `no approval from ${approverWords(approvers)}`,
            ...unreadable,
        ],
        fix: `Ask ${approverWords(approvers)} to approve the pull request (a review on its current head commit), or to tick the box themselves.`,
    };
}

// EXTERNAL MODULE: ./node_modules/fastest-levenshtein/mod.js
var mod = __webpack_require__(1916);
;// CONCATENATED MODULE: ./src/evaluate/near-miss.ts



/** Most characters a near miss may differ by; fewer for short texts (one for every six characters). */
const MAX_CHARACTERS = 3;
/** Longest word a near miss may add or drop, in characters. */
const MAX_WORD_LENGTH = 20;
/** Fewest words a policy text needs for a near miss to differ from it by a whole word. */
const MIN_WORDS = 3;
/** Comparisons made for one report at most, so that a large description and policy stay cheap. */
const MAX_COMPARISONS = 2_000;
/** Words as single characters, so that the distance between two texts can be counted in words. */
function wordsAsCharacters(words, codes) {
    return words
        .map((word) => {
        let code = codes.get(word);
        if (code === undefined) {
            code = String.fromCodePoint(0xe000 + codes.size);
            codes.set(word, code);
        }
        return code;
    })
        .join('');
}
/**
 * Whether `candidate` is a near miss of `wanted` (both match keys): one word added, dropped or
 * replaced, or a few characters apart. Equal texts are matches, not near misses.
 */
function isNearMiss(wanted, candidate) {
    if (wanted === candidate || wanted === '' || candidate === '')
        return false;
    const allowed = Math.min(MAX_CHARACTERS, Math.floor(wanted.length / 6));
    if (Math.abs(wanted.length - candidate.length) <= allowed && (0,mod/* distance */.Io)(wanted, candidate) <= allowed)
        return true;
    const wantedWords = wanted.split(' ');
    const candidateWords = candidate.split(' ');
    if (wantedWords.length < MIN_WORDS || Math.abs(wantedWords.length - candidateWords.length) > 1)
        return false;
    const codes = new Map();
    return (0,mod/* distance */.Io)(wordsAsCharacters(wantedWords, codes), wordsAsCharacters(candidateWords, codes)) <= 1;
}
/**
 * The unmatched task item closest to a missing policy text, when it is a near miss; the first in
 * the description on a tie. A near miss is only ever a hint: it never counts as a match.
 */
class NearMissFinder {
    comparisons = 0;
    keys;
    constructor(unmatched) {
        this.keys = unmatched.map((item) => ({
            item,
            key: matchKey(item.textBeforeEvidence ?? item.textWithoutLinks),
        }));
    }
    find(text) {
        const wanted = matchKey(text);
        let best = null;
        for (const { item, key } of this.keys) {
            if (this.comparisons++ >= MAX_COMPARISONS)
                break;
            // A text longer or shorter by more than a long word is no near miss: skip the distances.
            if (Math.abs(wanted.length - key.length) > MAX_WORD_LENGTH || !isNearMiss(wanted, key))
                continue;
            const score = (0,mod/* distance */.Io)(wanted, key);
            if (best === null || score < best.score)
                best = { item, score };
        }
        return best === null ? null : { text: best.item.textWithoutLinks, line: best.item.line };
    }
}
/** Points each missing item's fix at its near miss, if it has one: "Did you mean line 12, …?" */
function nearMissFix(missing, unmatched) {
    if (unmatched.length === 0)
        return;
    const finder = new NearMissFinder(unmatched);
    for (const [rule, entry] of missing) {
        if (rule.text === null)
            continue;
        const near = finder.find(markdownToPlainText(rule.text));
        if (near === null)
            continue;
        const marker = rule.id !== null ? ` or add \`<!-- id: ${rule.id} -->\` to that item` : ' for that item';
        entry.fix = `Did you mean line ${near.line}, "${near.text}"? Use the policy's wording${marker}.`;
    }
}

;// CONCATENATED MODULE: ./src/evaluate/section-rules.ts


/** Section rules by heading key; the first rule for a heading wins. */
function sectionRulesByKey(rules) {
    const byKey = new Map();
    for (const rule of rules) {
        const key = headingKey(rule.heading);
        if (!byKey.has(key))
            byKey.set(key, rule);
    }
    return byKey;
}
/** The section rule that governs an item: the one for the innermost heading it is under. */
function sectionRuleFor(item, index, rules) {
    const keys = index.headingKeys.get(item.index) ?? [];
    for (let depth = keys.length - 1; depth >= 0; depth--) {
        const rule = rules.get(keys[depth] ?? '');
        if (rule)
            return rule;
    }
    return null;
}
/** Task items under a section rule's heading, at any depth of sub-heading. */
function itemsUnder(rule, index) {
    const key = headingKey(rule.heading);
    return index.items.filter((item) => isUnder(index, item, key));
}
/** How many ticks a group rule ("any" or a number) asks for. */
function ticksNeeded(rule) {
    if (rule.require === 'any')
        return 1;
    return typeof rule.require === 'number' ? rule.require : 0;
}
function isGroupRule(rule) {
    return rule.require === 'any' || typeof rule.require === 'number';
}

;// CONCATENATED MODULE: ./src/evaluate/ticked-in-edit.ts





/**
 * Each item's identity across revisions: its id marker together with its text, and which copy of
 * that pair it is. Rewording an item, or moving a marker onto another item's text, makes a new
 * item whose history starts afresh, so a tick given to one text is never credited to another.
 */
function identities(items) {
    const copies = new Map();
    return items.map((item) => {
        const pair = `${item.id?.toLowerCase() ?? ''}\n${matchKey(item.text)}`;
        const copy = copies.get(pair) ?? 0;
        copies.set(pair, copy + 1);
        return `${pair}\n${copy}`;
    });
}
/**
 * At most this many characters of revisions are parsed for one evaluation: 16 revisions of
 * GitHub's largest description, or all 100 of a 10,000-character one. A tick further back is
 * credited to no one, so the item then needs an approving review; the report says so.
 */
const HISTORY_PARSE_BUDGET = 1_048_576;
/**
 * Who last ticked each ticked item, read from the description's revisions (oldest first, each the
 * whole body after an edit): the editor of the revision in which that item went from unticked or
 * absent to ticked and stayed ticked since. The revisions are read from the newest back, and only
 * as far as a traced item still needs, each distinct body parsed once. An item whose tick the
 * latest revision does not show, or whose tick lies beyond an unknown revision or the parse
 * budget, gets no one. `traced` limits the items followed (those with approvers); default all.
 */
function traceTickers(items, revisions, policy, traced = () => true, budget = HISTORY_PARSE_BUDGET) {
    let left = budget;
    const parsed = new Map();
    /** The identities ticked in a body; null once the budget cannot pay for it. */
    const tickedIn = (body) => {
        let ticked = parsed.get(body);
        if (!ticked) {
            if (body.length > left)
                return null;
            left -= body.length;
            const block = selectBlock(parseChecklist(body), policy.checklist).items;
            const ids = identities(block);
            ticked = new Set(ids.filter((_, position) => block[position]?.checked));
            parsed.set(body, ticked);
        }
        return ticked;
    };
    const ids = identities(items);
    /** Items still traced back, by identity; with the editor of the oldest revision so far that shows them ticked. */
    const open = new Map();
    items.forEach((item, position) => {
        if (item.checked && traced(item))
            open.set(ids[position] ?? '', { index: item.index, editor: null });
    });
    const tickers = new Map();
    let cutShort = false;
    for (let at = revisions.length - 1; at >= 0 && open.size > 0; at--) {
        const revision = revisions[at];
        const ticked = revision.body === null ? null : tickedIn(revision.body);
        if (revision.body !== null && ticked === null)
            cutShort = true;
        for (const [identity, trace] of open) {
            if (ticked?.has(identity)) {
                trace.editor = revision.editor;
                continue;
            }
            // Unticked or absent here, the revision after this one ticked it; unknown here, no one can tell.
            if (ticked !== null && trace.editor !== null)
                tickers.set(trace.index, trace.editor);
            open.delete(identity);
        }
    }
    // Ticked in every revision back to the first: its editor wrote the item ticked.
    for (const trace of open.values())
        if (trace.editor !== null)
            tickers.set(trace.index, trace.editor);
    return { tickers, cutShort };
}
/** Who last ticked each ticked item (see traceTickers), following every ticked item. */
function tickersFromHistory(items, revisions, policy) {
    return traceTickers(items, revisions, policy).tickers;
}
/**
 * Who ticked each item (by index), for sign-offs; no one without the edit history, which decides. The edit that
 * triggered this run is its latest revision when the run is current, and the history credits its
 * sender then; a replayed run's old edit is not credited, and the report says so.
 */
function whoTicked(items, signoffs, policy, notes) {
    if (!signoffs?.history)
        return new Map();
    const { edit, history } = signoffs;
    const latest = history.at(-1);
    if (edit && (latest?.body !== edit.body || latest.editor.toLowerCase() !== edit.sender.toLowerCase())) {
        notes.push(`The edit by @${edit.sender} that triggered this run is not the description's latest revision (a re-run replays an old event), so who ticked each box is read from the edit history alone.`);
    }
    // Only items with approvers need their ticker, so only they are traced back.
    const index = indexItems(items);
    const signed = new Set(policy.items.filter((rule) => rule.approvers).flatMap((rule) => findMatches(rule, index)));
    const { tickers, cutShort } = traceTickers(items, history, policy, (item) => signed.has(item));
    if (cutShort) {
        notes.push(`The edit history is too large to read further back (at most ${HISTORY_PARSE_BUDGET.toLocaleString('en-US')} characters of revisions are read), so a box ticked before that counts only with an approving review.`);
    }
    return tickers;
}

;// CONCATENATED MODULE: ./src/evaluate/evaluate.ts











/** The gate's decision: pure, from the parsed description, the policy and what is known of the pull request. */
function evaluate(doc, policy, context) {
    const block = selectBlock(doc, policy.checklist);
    const notes = [];
    if (policy.source.kind === 'default')
        notes.push('No policy file: every task item in the description is required.');
    if (!block.found || block.items.length === 0)
        return noChecklistReport(block, policy, notes);
    const index = indexItems(block.items);
    const facts = {
        evidence: context.evidence ?? null,
        signoffs: context.signoffs ?? null,
        tickedBy: whoTicked(block.items, context.signoffs ?? null, policy, notes),
        notes,
    };
    const entries = [];
    const claimed = new Set();
    const missing = [];
    for (const rule of policy.items) {
        const matches = findMatches(rule, index);
        for (const item of matches)
            claimed.add(item.index);
        const condition = conditionHolds(rule.when, context);
        notes.push(...condition.notes.map((note) => `${ruleName(rule)}: ${note}.`));
        const required = rule.required && condition.holds;
        if (matches.length === 0) {
            const absent = withOrigin(missingEntry(rule, required, condition.holds), rule);
            entries.push(absent);
            if (absent.status === 'missing')
                missing.push([rule, absent]);
            continue;
        }
        for (const item of matches) {
            const verdict = condition.holds ? judgeItem(item, required, rule, facts) : notRequired();
            entries.push(withOrigin(entry(item, rule.id ?? item.id, required, verdict), rule));
        }
    }
    // A missing item's fix names an unmatched item worded nearly like it; the hint never matches.
    if (missing.length > 0)
        nearMissFix(missing, block.items.filter((item) => !claimed.has(item.index)));
    const sectionResults = policy.sections.map((rule) => judgeSection(rule, index, doc, block, context, notes));
    const resultsByRule = new Map(policy.sections.map((rule, position) => [rule, sectionResults[position]]));
    const rulesByKey = sectionRulesByKey(policy.sections);
    for (const item of block.items) {
        if (claimed.has(item.index))
            continue;
        const rule = sectionRuleFor(item, index, rulesByKey);
        const unlisted = unlistedEntry(item, rule, rule ? resultsByRule.get(rule) : undefined, policy.unlisted, facts);
        if (unlisted)
            entries.push(unlisted);
    }
    entries.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
    return finish(entries, sectionResults, block, policy, notes);
}
function entry(item, id, required, verdict) {
    return {
        id,
        text: item.text,
        checked: item.checked,
        required,
        status: verdict.status,
        line: item.line,
        depth: item.depth,
        section: item.section,
        links: item.links,
        problems: verdict.problems,
        fix: verdict.fix,
    };
}
/** With extends, each entry says which policy files its rule comes from. */
function withOrigin(reportItem, rule) {
    return rule.from ? { ...reportItem, ruleFrom: rule.from } : reportItem;
}
function notRequired() {
    return { status: 'not-required', problems: [], fix: null };
}
function missingEntry(rule, required, holds) {
    const text = rule.text ?? (rule.match !== null ? `an item matching /${rule.match}/` : (rule.id ?? ''));
    const base = {
        id: rule.id,
        text,
        checked: false,
        line: null,
        depth: null,
        section: rule.section,
        links: [],
    };
    if (!holds)
        return { ...base, required: false, ...notRequired() };
    if (!required)
        return { ...base, required: false, status: 'optional', problems: [], fix: null };
    const where = rule.section !== null ? ` under "${rule.section}"` : '';
    return {
        ...base,
        required: true,
        status: 'missing',
        problems: [`not in the checklist${where}: it was deleted, reworded or never added`],
        fix: rule.match !== null && rule.text === null
            ? `Add back a task item matching /${rule.match}/${where}.`
            : `Add it back${where}: ${itemLine(rule)}`,
    };
}
function unlistedEntry(item, rule, section, unlisted, facts) {
    if (rule && section) {
        if (section.status === 'not-required')
            return entry(item, item.id, false, notRequired());
        if (rule.require === 'all')
            return entry(item, item.id, true, judgeItem(item, true, null, facts));
        if (rule.require === 'none')
            return entry(item, item.id, false, judgeItem(item, false, null, facts));
        // A group rule: the section decides; unticked items fail only while the section falls short.
        if (item.checked || section.status === 'ok')
            return entry(item, item.id, false, judgeItem(item, false, null, facts));
        return entry(item, item.id, false, { status: 'unchecked', problems: ['not ticked'], fix: section.fix });
    }
    if (unlisted === 'ignored')
        return null;
    return entry(item, item.id, unlisted === 'required', judgeItem(item, unlisted === 'required', null, facts));
}
function judgeSection(rule, index, doc, block, context, notes) {
    const items = itemsUnder(rule, index);
    const ticked = items.filter((item) => item.checked).length;
    const base = { heading: rule.heading, require: rule.require, total: items.length, ticked, unticked: [] };
    const condition = conditionHolds(rule.when, context);
    notes.push(...condition.notes.map((note) => `section "${rule.heading}": ${note}.`));
    if (!condition.holds)
        return { ...base, status: 'not-required', problem: null, fix: null };
    if (rule.require === 'none')
        return { ...base, status: 'ok', problem: null, fix: null };
    const key = headingKey(rule.heading);
    const present = doc.headings.some((heading) => heading.offset >= block.range.start &&
        heading.offset < block.range.end &&
        headingKey(heading.text) === key);
    if (!present) {
        return {
            ...base,
            status: 'failing',
            problem: `the section "${rule.heading}" is not in the checklist`,
            fix: `Add the heading "${rule.heading}" back, with its task items.`,
        };
    }
    if (items.length === 0) {
        return {
            ...base,
            status: 'failing',
            problem: `the section "${rule.heading}" has no task items`,
            fix: `Add the task items of "${rule.heading}" back under its heading.`,
        };
    }
    if (!isGroupRule(rule))
        return { ...base, status: 'ok', problem: null, fix: null };
    const needed = ticksNeeded(rule);
    if (ticked >= needed)
        return { ...base, status: 'ok', problem: null, fix: null };
    return {
        ...base,
        unticked: items.filter((item) => !item.checked).map((item) => ({ text: item.text, line: item.line })),
        status: 'failing',
        problem: `${ticked} of ${items.length} items under "${rule.heading}" ticked; at least ${needed} must be`,
        fix: `Tick at least ${needed - ticked} more of the items under "${rule.heading}".`,
    };
}
function finish(entries, sections, block, policy, notes) {
    const requiredEntries = entries.filter((item) => item.required);
    const failingEntries = requiredEntries.filter((item) => FAILING_STATUSES.has(item.status));
    const countedSections = sections.filter((section) => section.status === 'failing' ||
        (section.status === 'ok' && (section.require === 'any' || typeof section.require === 'number')));
    const failingSections = sections.filter((section) => section.status === 'failing');
    const required = requiredEntries.length + countedSections.length;
    const open = failingEntries.length + failingSections.length;
    const passed = open === 0;
    const summary = passed
        ? `All ${required} required item${required === 1 ? '' : 's'} done`
        : `${open} of ${required} required item${required === 1 ? '' : 's'} open`;
    return {
        version: 1,
        passed,
        conclusion: passed ? 'pass' : 'fail',
        summary,
        counts: {
            total: entries.length,
            required,
            done: required - open,
            open,
            optional: entries.filter((item) => !item.required && (item.status === 'optional' || item.status === 'ok')).length,
            notRequired: entries.filter((item) => item.status === 'not-required').length,
        },
        checklist: { found: true, where: block.where, items: block.items.length },
        policy: policySource(policy),
        items: entries,
        sections,
        errors: [],
        notes: [...new Set(notes)],
    };
}
function policySource(policy) {
    return policy.source.kind === 'file'
        ? { source: 'file', path: policy.source.path }
        : { source: 'default', path: null };
}
function noChecklistReport(block, policy, notes) {
    const what = block.found ? `no task items in ${block.where}` : `${block.where} was not found`;
    const allowed = !policy.checklist.required;
    if (allowed)
        notes.push(`No checklist found (${what}); the policy does not require one.`);
    return {
        version: 1,
        passed: allowed,
        conclusion: allowed ? 'pass' : 'fail',
        summary: allowed ? 'No checklist, and none is required' : `No checklist found: ${what}`,
        counts: {
            total: 0,
            required: allowed ? 0 : 1,
            done: 0,
            open: allowed ? 0 : 1,
            optional: 0,
            notRequired: 0,
        },
        checklist: { found: false, where: block.where, items: block.items.length },
        policy: policySource(policy),
        items: [],
        sections: [],
        errors: [],
        notes,
    };
}
/** The report for a policy that could not be used: the gate fails closed and shows every error. */
function policyErrorReport(errors, path) {
    const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
    return {
        version: 1,
        passed: false,
        conclusion: 'error',
        summary: `The policy ${path} has ${count}; the gate fails until it is fixed`,
        counts: { total: 0, required: 0, done: 0, open: 0, optional: 0, notRequired: 0 },
        checklist: { found: false, where: 'not evaluated', items: 0 },
        policy: { source: 'file', path },
        items: [],
        sections: [],
        errors: errors.map((error) => ({ ...error })),
        notes: [],
    };
}

;// CONCATENATED MODULE: ./src/policy/default-policy.ts
/** How many distinct evidence links one evaluation verifies through the API, unless the policy says otherwise. */
const DEFAULT_MAX_VERIFIED_LINKS = 20;
/** Used when a repository has no policy file: every task item in the description is required. */
function defaultPolicy() {
    return {
        source: { kind: 'default' },
        gate: { branches: null, releases: true },
        checklist: { required: true },
        unlisted: 'required',
        verification: { maxLinks: DEFAULT_MAX_VERIFIED_LINKS },
        sections: [],
        items: [],
    };
}

// EXTERNAL MODULE: ./src/github/base-policy.ts
var base_policy = __webpack_require__(4137);
;// CONCATENATED MODULE: ./src/policy/base-reference.ts
const FORM = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)\/([^@\s]+?)(?:@([^@\s]+))?$/;
/**
 * Reads `OWNER/REPO/PATH@REF`. Returns a message instead when the text is not of that form, or when
 * the path leaves the repository's tree ("..", a leading "/"), which the contents API would not read as written.
 */
function parseBaseReference(text) {
    const match = FORM.exec(text);
    if (!match) {
        return {
            kind: 'form',
            problem: 'must be OWNER/REPO/PATH or OWNER/REPO/PATH@REF, such as acme/release-policies/checklists/production.yml@v3',
        };
    }
    const [, owner = '', repo = '', path = '', ref] = match;
    if (repo === '.' ||
        repo === '..' ||
        path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
        return {
            kind: 'path',
            problem: `names the path "${path}", which must be a plain path inside ${owner}/${repo} (no "", "." or ".." parts)`,
        };
    }
    return { owner, repo, path, ref: ref ?? null };
}
/** How a base is named in messages and reports: the reference as written, which is also where it is. */
function baseLabel(base) {
    return `${base.owner}/${base.repo}/${base.path}${base.ref === null ? '' : `@${base.ref}`}`;
}
/** Two references name the same file when they agree up to the case of owner and repository. */
function sameBase(a, b) {
    return (a.owner.toLowerCase() === b.owner.toLowerCase() &&
        a.repo.toLowerCase() === b.repo.toLowerCase() &&
        a.path === b.path &&
        a.ref === b.ref);
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/policy/validate-policy.js
// Generated by src/policy/compile-schema.mjs from checklist-gate.schema.json. Do not edit.

const validate = validate10;
/* harmony default export */ const validate_policy = ((/* unused pure expression or super */ null && (validate10)));
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","title":"checklist-gate policy","description":"The policy of checklist-gate: which task items a release checklist must have ticked, and with what evidence. Kept in .github/checklist-gate.yml.","type":"object","additionalProperties":false,"required":["version"],"properties":{"version":{"description":"Format version of this file. Always 1.","const":1},"extends":{"$ref":"#/definitions/baseReference"},"gate":{"description":"What the gate applies to.","type":"object","additionalProperties":false,"properties":{"branches":{"description":"Base branches of pull requests that are gated, as globs (picomatch). Default: the repository's default branch.","$ref":"#/definitions/globList"},"releases":{"description":"Gate GitHub release descriptions too. Default: true.","type":"boolean"}}},"checklist":{"description":"Where the checklist is in the description. Default: the whole description.","type":"object","additionalProperties":false,"properties":{"heading":{"description":"Use the section under this heading (until the next heading of the same or a higher level). Case-insensitive.","$ref":"#/definitions/text"},"start":{"description":"Use the text after this marker, for example <!-- checklist:start -->.","$ref":"#/definitions/text"},"end":{"description":"With start: the checklist ends at this marker. Default: the end of the description.","$ref":"#/definitions/text"},"required":{"description":"Fail when no checklist is found. Default: true. Set false to let a pull request without a checklist pass.","type":"boolean"}}},"unlisted":{"description":"What to do with task items that no entry of items names: required (default), optional, or ignored.","enum":["required","optional","ignored"]},"verification":{"description":"Limits on checking evidence links through the GitHub API.","type":"object","additionalProperties":false,"properties":{"max-links":{"description":"At most this many distinct links are verified in one evaluation (default 20); a link past the limit is not verified, and an item that needs it fails.","type":"integer","minimum":1,"maximum":200}}},"sections":{"description":"Rules for all task items under a heading (its sub-headings included).","type":"array","items":{"$ref":"#/definitions/section"}},"items":{"description":"Task items the checklist must have, found by their id marker, their text, or a regular expression.","type":"array","items":{"$ref":"#/definitions/item"}}},"definitions":{"baseReference":{"description":"A base policy this one builds on, read through the API: OWNER/REPO/PATH@REF (REF defaults to that repository's default branch). Its items and section rules are locked: this file may add and tighten, never weaken.","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+/[^@\\s]+(?:@[^@\\s]+)?$"},"text":{"type":"string","pattern":"\\S"},"globList":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/text"}},"section":{"type":"object","additionalProperties":false,"required":["heading"],"properties":{"heading":{"description":"The heading's text, ignoring case, markup, emoji and leading numbering.","$ref":"#/definitions/text"},"require":{"description":"all (default): every item under the heading must be ticked; any: at least one; none: all are optional; a number N: at least N.","$ref":"#/definitions/requirement"},"when":{"$ref":"#/definitions/when"}}},"requirement":{"oneOf":[{"enum":["all","any","none"]},{"type":"integer","minimum":1}]},"item":{"type":"object","additionalProperties":false,"properties":{"id":{"description":"Stable id, shown in reports and outputs; also finds the task item that carries <!-- id: ... -->.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$"},"text":{"description":"Matches the task item whose text equals this, ignoring case, markup and spacing.","$ref":"#/definitions/text"},"match":{"description":"A regular expression (JavaScript syntax, case-insensitive) matched against the item's text, instead of text.","$ref":"#/definitions/text"},"section":{"description":"Only look for the item under this heading.","$ref":"#/definitions/text"},"required":{"description":"Default true. A required item that is missing, unticked or without its evidence fails the gate.","type":"boolean"},"approvers":{"description":"Who may sign this item: GitHub logins, or org/team. The item passes only when ticked and vouched for by one of them: an approving review on the current head commit, or the edit that ticked it made by one of them.","type":"array","minItems":1,"items":{"type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?$"}},"evidence":{"$ref":"#/definitions/evidence"},"when":{"$ref":"#/definitions/when"}}},"evidence":{"description":"Links the item must carry once ticked.","type":"object","additionalProperties":false,"properties":{"min":{"description":"How many acceptable links the item must carry. Default 1.","type":"integer","minimum":0},"allow":{"description":"URL globs a link must match; default: any http(s) URL.","$ref":"#/definitions/globList"},"hint":{"description":"What the link should point to, in words, shown to the author (for example: the load-test report).","$ref":"#/definitions/text"},"verify":{"description":"Check links to this repository's GitHub host through the API: an Actions run, job or check run concluded success, a pull request merged, an issue closed as completed, a commit that exists, a published release.","type":"boolean"},"same-commit":{"description":"With verify: an Actions run, job or check run must have run on the commit being evaluated (the pull request's head, the release's commit), in the repository under review.","type":"boolean"},"repositories":{"description":"With same-commit: other repositories (owner/repo) whose Actions runs, jobs and check runs also count, for CI that runs elsewhere. Default: none, only the repository under review.","type":"array","minItems":1,"items":{"type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+$"}}}},"when":{"description":"The item or section is required only when all of these hold; each list holds when any of its entries matches.","type":"object","additionalProperties":false,"properties":{"labels":{"description":"Pull request labels (exact names, case-insensitive).","$ref":"#/definitions/globList"},"paths":{"description":"Globs of files changed by the pull request.","$ref":"#/definitions/globList"},"branches":{"description":"Globs of the base branch.","$ref":"#/definitions/globList"},"events":{"description":"pull_request and/or release.","type":"array","minItems":1,"items":{"enum":["pull_request","release"]}}}}}};
const schema12 = {"description":"A base policy this one builds on, read through the API: OWNER/REPO/PATH@REF (REF defaults to that repository's default branch). Its items and section rules are locked: this file may add and tighten, never weaken.","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+/[^@\\s]+(?:@[^@\\s]+)?$"};
const schema14 = {"type":"string","pattern":"\\S"};
const pattern0 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+/[^@\\s]+(?:@[^@\\s]+)?$", "u");
const pattern1 = new RegExp("\\S", "u");
const schema13 = {"type":"array","minItems":1,"items":{"$ref":"#/definitions/text"}};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(Array.isArray(data)){
if(data.length < 1){
const err0 = {instancePath,schemaPath:"#/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/text/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\""};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

const schema18 = {"type":"object","additionalProperties":false,"required":["heading"],"properties":{"heading":{"description":"The heading's text, ignoring case, markup, emoji and leading numbering.","$ref":"#/definitions/text"},"require":{"description":"all (default): every item under the heading must be ticked; any: at least one; none: all are optional; a number N: at least N.","$ref":"#/definitions/requirement"},"when":{"$ref":"#/definitions/when"}}};
const schema20 = {"oneOf":[{"enum":["all","any","none"]},{"type":"integer","minimum":1}]};
const schema21 = {"description":"The item or section is required only when all of these hold; each list holds when any of its entries matches.","type":"object","additionalProperties":false,"properties":{"labels":{"description":"Pull request labels (exact names, case-insensitive).","$ref":"#/definitions/globList"},"paths":{"description":"Globs of files changed by the pull request.","$ref":"#/definitions/globList"},"branches":{"description":"Globs of the base branch.","$ref":"#/definitions/globList"},"events":{"description":"pull_request and/or release.","type":"array","minItems":1,"items":{"enum":["pull_request","release"]}}}};

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "labels") || (key0 === "paths")) || (key0 === "branches")) || (key0 === "events"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.labels !== undefined){
if(!(validate11(data.labels, {instancePath:instancePath+"/labels",parentData:data,parentDataProperty:"labels",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.paths !== undefined){
if(!(validate11(data.paths, {instancePath:instancePath+"/paths",parentData:data,parentDataProperty:"paths",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.branches !== undefined){
if(!(validate11(data.branches, {instancePath:instancePath+"/branches",parentData:data,parentDataProperty:"branches",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.events !== undefined){
let data3 = data.events;
if(Array.isArray(data3)){
if(data3.length < 1){
const err1 = {instancePath:instancePath+"/events",schemaPath:"#/properties/events/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(!((data4 === "pull_request") || (data4 === "release"))){
const err2 = {instancePath:instancePath+"/events/" + i0,schemaPath:"#/properties/events/items/enum",keyword:"enum",params:{allowedValues: schema21.properties.events.items.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
else {
const err3 = {instancePath:instancePath+"/events",schemaPath:"#/properties/events/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate14.errors = vErrors;
return errors === 0;
}


function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.heading === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "heading"},message:"must have required property '"+"heading"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "heading") || (key0 === "require")) || (key0 === "when"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.heading !== undefined){
let data0 = data.heading;
if(typeof data0 === "string"){
if(!pattern1.test(data0)){
const err2 = {instancePath:instancePath+"/heading",schemaPath:"#/definitions/text/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\""};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/heading",schemaPath:"#/definitions/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.require !== undefined){
let data1 = data.require;
const _errs7 = errors;
let valid3 = false;
let passing0 = null;
const _errs8 = errors;
if(!(((data1 === "all") || (data1 === "any")) || (data1 === "none"))){
const err4 = {instancePath:instancePath+"/require",schemaPath:"#/definitions/requirement/oneOf/0/enum",keyword:"enum",params:{allowedValues: schema20.oneOf[0].enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs8 === errors;
if(_valid0){
valid3 = true;
passing0 = 0;
}
const _errs9 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
const err5 = {instancePath:instancePath+"/require",schemaPath:"#/definitions/requirement/oneOf/1/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 1 || isNaN(data1)){
const err6 = {instancePath:instancePath+"/require",schemaPath:"#/definitions/requirement/oneOf/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid0 = _errs9 === errors;
if(_valid0 && valid3){
valid3 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid3 = true;
passing0 = 1;
}
}
if(!valid3){
const err7 = {instancePath:instancePath+"/require",schemaPath:"#/definitions/requirement/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
}
}
if(data.when !== undefined){
if(!(validate14(data.when, {instancePath:instancePath+"/when",parentData:data,parentDataProperty:"when",rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}

const schema22 = {"type":"object","additionalProperties":false,"properties":{"id":{"description":"Stable id, shown in reports and outputs; also finds the task item that carries <!-- id: ... -->.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$"},"text":{"description":"Matches the task item whose text equals this, ignoring case, markup and spacing.","$ref":"#/definitions/text"},"match":{"description":"A regular expression (JavaScript syntax, case-insensitive) matched against the item's text, instead of text.","$ref":"#/definitions/text"},"section":{"description":"Only look for the item under this heading.","$ref":"#/definitions/text"},"required":{"description":"Default true. A required item that is missing, unticked or without its evidence fails the gate.","type":"boolean"},"approvers":{"description":"Who may sign this item: GitHub logins, or org/team. The item passes only when ticked and vouched for by one of them: an approving review on the current head commit, or the edit that ticked it made by one of them.","type":"array","minItems":1,"items":{"type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?$"}},"evidence":{"$ref":"#/definitions/evidence"},"when":{"$ref":"#/definitions/when"}}};
const pattern6 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]*$", "u");
const pattern10 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?$", "u");
const schema26 = {"description":"Links the item must carry once ticked.","type":"object","additionalProperties":false,"properties":{"min":{"description":"How many acceptable links the item must carry. Default 1.","type":"integer","minimum":0},"allow":{"description":"URL globs a link must match; default: any http(s) URL.","$ref":"#/definitions/globList"},"hint":{"description":"What the link should point to, in words, shown to the author (for example: the load-test report).","$ref":"#/definitions/text"},"verify":{"description":"Check links to this repository's GitHub host through the API: an Actions run, job or check run concluded success, a pull request merged, an issue closed as completed, a commit that exists, a published release.","type":"boolean"},"same-commit":{"description":"With verify: an Actions run, job or check run must have run on the commit being evaluated (the pull request's head, the release's commit), in the repository under review.","type":"boolean"},"repositories":{"description":"With same-commit: other repositories (owner/repo) whose Actions runs, jobs and check runs also count, for CI that runs elsewhere. Default: none, only the repository under review.","type":"array","minItems":1,"items":{"type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+$"}}}};
const pattern12 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+$", "u");

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((key0 === "min") || (key0 === "allow")) || (key0 === "hint")) || (key0 === "verify")) || (key0 === "same-commit")) || (key0 === "repositories"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.min !== undefined){
let data0 = data.min;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
const err1 = {instancePath:instancePath+"/min",schemaPath:"#/properties/min/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 < 0 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/min",schemaPath:"#/properties/min/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
if(data.allow !== undefined){
if(!(validate11(data.allow, {instancePath:instancePath+"/allow",parentData:data,parentDataProperty:"allow",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data.hint !== undefined){
let data2 = data.hint;
if(typeof data2 === "string"){
if(!pattern1.test(data2)){
const err3 = {instancePath:instancePath+"/hint",schemaPath:"#/definitions/text/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/hint",schemaPath:"#/definitions/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.verify !== undefined){
if(typeof data.verify !== "boolean"){
const err5 = {instancePath:instancePath+"/verify",schemaPath:"#/properties/verify/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data["same-commit"] !== undefined){
if(typeof data["same-commit"] !== "boolean"){
const err6 = {instancePath:instancePath+"/same-commit",schemaPath:"#/properties/same-commit/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.repositories !== undefined){
let data5 = data.repositories;
if(Array.isArray(data5)){
if(data5.length < 1){
const err7 = {instancePath:instancePath+"/repositories",schemaPath:"#/properties/repositories/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 === "string"){
if(!pattern12.test(data6)){
const err8 = {instancePath:instancePath+"/repositories/" + i0,schemaPath:"#/properties/repositories/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+$"+"\""};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/repositories/" + i0,schemaPath:"#/properties/repositories/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/repositories",schemaPath:"#/properties/repositories/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((((key0 === "id") || (key0 === "text")) || (key0 === "match")) || (key0 === "section")) || (key0 === "required")) || (key0 === "approvers")) || (key0 === "evidence")) || (key0 === "when"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(!pattern6.test(data0)){
const err1 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]*$"+"\""};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.text !== undefined){
let data1 = data.text;
if(typeof data1 === "string"){
if(!pattern1.test(data1)){
const err3 = {instancePath:instancePath+"/text",schemaPath:"#/definitions/text/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/text",schemaPath:"#/definitions/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.match !== undefined){
let data2 = data.match;
if(typeof data2 === "string"){
if(!pattern1.test(data2)){
const err5 = {instancePath:instancePath+"/match",schemaPath:"#/definitions/text/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\""};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/match",schemaPath:"#/definitions/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.section !== undefined){
let data3 = data.section;
if(typeof data3 === "string"){
if(!pattern1.test(data3)){
const err7 = {instancePath:instancePath+"/section",schemaPath:"#/definitions/text/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\""};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/section",schemaPath:"#/definitions/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.required !== undefined){
if(typeof data.required !== "boolean"){
const err9 = {instancePath:instancePath+"/required",schemaPath:"#/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.approvers !== undefined){
let data5 = data.approvers;
if(Array.isArray(data5)){
if(data5.length < 1){
const err10 = {instancePath:instancePath+"/approvers",schemaPath:"#/properties/approvers/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 === "string"){
if(!pattern10.test(data6)){
const err11 = {instancePath:instancePath+"/approvers/" + i0,schemaPath:"#/properties/approvers/items/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/approvers/" + i0,schemaPath:"#/properties/approvers/items/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/approvers",schemaPath:"#/properties/approvers/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.evidence !== undefined){
if(!(validate21(data.evidence, {instancePath:instancePath+"/evidence",parentData:data,parentDataProperty:"evidence",rootData}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.when !== undefined){
if(!(validate14(data.when, {instancePath:instancePath+"/when",parentData:data,parentDataProperty:"when",rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.version === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "version"},message:"must have required property '"+"version"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "version") || (key0 === "extends")) || (key0 === "gate")) || (key0 === "checklist")) || (key0 === "unlisted")) || (key0 === "verification")) || (key0 === "sections")) || (key0 === "items"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.version !== undefined){
if(1 !== data.version){
const err2 = {instancePath:instancePath+"/version",schemaPath:"#/properties/version/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.extends !== undefined){
let data1 = data.extends;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err3 = {instancePath:instancePath+"/extends",schemaPath:"#/definitions/baseReference/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+/[^@\\s]+(?:@[^@\\s]+)?$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+/[^@\\s]+(?:@[^@\\s]+)?$"+"\""};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/extends",schemaPath:"#/definitions/baseReference/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.gate !== undefined){
let data2 = data.gate;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
if(!((key1 === "branches") || (key1 === "releases"))){
const err5 = {instancePath:instancePath+"/gate",schemaPath:"#/properties/gate/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data2.branches !== undefined){
if(!(validate11(data2.branches, {instancePath:instancePath+"/gate/branches",parentData:data2,parentDataProperty:"branches",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
}
if(data2.releases !== undefined){
if(typeof data2.releases !== "boolean"){
const err6 = {instancePath:instancePath+"/gate/releases",schemaPath:"#/properties/gate/properties/releases/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/gate",schemaPath:"#/properties/gate/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.checklist !== undefined){
let data5 = data.checklist;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key2 in data5){
if(!((((key2 === "heading") || (key2 === "start")) || (key2 === "end")) || (key2 === "required"))){
const err8 = {instancePath:instancePath+"/checklist",schemaPath:"#/properties/checklist/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data5.heading !== undefined){
let data6 = data5.heading;
if(typeof data6 === "string"){
if(!pattern1.test(data6)){
const err9 = {instancePath:instancePath+"/checklist/heading",schemaPath:"#/definitions/text/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\""};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/checklist/heading",schemaPath:"#/definitions/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data5.start !== undefined){
let data7 = data5.start;
if(typeof data7 === "string"){
if(!pattern1.test(data7)){
const err11 = {instancePath:instancePath+"/checklist/start",schemaPath:"#/definitions/text/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/checklist/start",schemaPath:"#/definitions/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data5.end !== undefined){
let data8 = data5.end;
if(typeof data8 === "string"){
if(!pattern1.test(data8)){
const err13 = {instancePath:instancePath+"/checklist/end",schemaPath:"#/definitions/text/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\""};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/checklist/end",schemaPath:"#/definitions/text/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data5.required !== undefined){
if(typeof data5.required !== "boolean"){
const err15 = {instancePath:instancePath+"/checklist/required",schemaPath:"#/properties/checklist/properties/required/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/checklist",schemaPath:"#/properties/checklist/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.unlisted !== undefined){
let data10 = data.unlisted;
if(!(((data10 === "required") || (data10 === "optional")) || (data10 === "ignored"))){
const err17 = {instancePath:instancePath+"/unlisted",schemaPath:"#/properties/unlisted/enum",keyword:"enum",params:{allowedValues: schema11.properties.unlisted.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.verification !== undefined){
let data11 = data.verification;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
for(const key3 in data11){
if(!(key3 === "max-links")){
const err18 = {instancePath:instancePath+"/verification",schemaPath:"#/properties/verification/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data11["max-links"] !== undefined){
let data12 = data11["max-links"];
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
const err19 = {instancePath:instancePath+"/verification/max-links",schemaPath:"#/properties/verification/properties/max-links/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 > 200 || isNaN(data12)){
const err20 = {instancePath:instancePath+"/verification/max-links",schemaPath:"#/properties/verification/properties/max-links/maximum",keyword:"maximum",params:{comparison: "<=", limit: 200},message:"must be <= 200"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data12 < 1 || isNaN(data12)){
const err21 = {instancePath:instancePath+"/verification/max-links",schemaPath:"#/properties/verification/properties/max-links/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
}
else {
const err22 = {instancePath:instancePath+"/verification",schemaPath:"#/properties/verification/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.sections !== undefined){
let data13 = data.sections;
if(Array.isArray(data13)){
const len0 = data13.length;
for(let i0=0; i0<len0; i0++){
if(!(validate13(data13[i0], {instancePath:instancePath+"/sections/" + i0,parentData:data13,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
}
}
else {
const err23 = {instancePath:instancePath+"/sections",schemaPath:"#/properties/sections/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.items !== undefined){
let data15 = data.items;
if(Array.isArray(data15)){
const len1 = data15.length;
for(let i1=0; i1<len1; i1++){
if(!(validate20(data15[i1], {instancePath:instancePath+"/items/" + i1,parentData:data15,parentDataProperty:i1,rootData}))){
vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
errors = vErrors.length;
}
}
}
else {
const err24 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

const policySchema = {"$schema":"http://json-schema.org/draft-07/schema#","title":"checklist-gate policy","description":"The policy of checklist-gate: which task items a release checklist must have ticked, and with what evidence. Kept in .github/checklist-gate.yml.","type":"object","additionalProperties":false,"required":["version"],"properties":{"version":{"description":"Format version of this file. Always 1.","const":1},"extends":{"$ref":"#/definitions/baseReference"},"gate":{"description":"What the gate applies to.","type":"object","additionalProperties":false,"properties":{"branches":{"description":"Base branches of pull requests that are gated, as globs (picomatch). Default: the repository's default branch.","$ref":"#/definitions/globList"},"releases":{"description":"Gate GitHub release descriptions too. Default: true.","type":"boolean"}}},"checklist":{"description":"Where the checklist is in the description. Default: the whole description.","type":"object","additionalProperties":false,"properties":{"heading":{"description":"Use the section under this heading (until the next heading of the same or a higher level). Case-insensitive.","$ref":"#/definitions/text"},"start":{"description":"Use the text after this marker, for example <!-- checklist:start -->.","$ref":"#/definitions/text"},"end":{"description":"With start: the checklist ends at this marker. Default: the end of the description.","$ref":"#/definitions/text"},"required":{"description":"Fail when no checklist is found. Default: true. Set false to let a pull request without a checklist pass.","type":"boolean"}}},"unlisted":{"description":"What to do with task items that no entry of items names: required (default), optional, or ignored.","enum":["required","optional","ignored"]},"verification":{"description":"Limits on checking evidence links through the GitHub API.","type":"object","additionalProperties":false,"properties":{"max-links":{"description":"At most this many distinct links are verified in one evaluation (default 20); a link past the limit is not verified, and an item that needs it fails.","type":"integer","minimum":1,"maximum":200}}},"sections":{"description":"Rules for all task items under a heading (its sub-headings included).","type":"array","items":{"$ref":"#/definitions/section"}},"items":{"description":"Task items the checklist must have, found by their id marker, their text, or a regular expression.","type":"array","items":{"$ref":"#/definitions/item"}}},"definitions":{"baseReference":{"description":"A base policy this one builds on, read through the API: OWNER/REPO/PATH@REF (REF defaults to that repository's default branch). Its items and section rules are locked: this file may add and tighten, never weaken.","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+/[^@\\s]+(?:@[^@\\s]+)?$"},"text":{"type":"string","pattern":"\\S"},"globList":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/text"}},"section":{"type":"object","additionalProperties":false,"required":["heading"],"properties":{"heading":{"description":"The heading's text, ignoring case, markup, emoji and leading numbering.","$ref":"#/definitions/text"},"require":{"description":"all (default): every item under the heading must be ticked; any: at least one; none: all are optional; a number N: at least N.","$ref":"#/definitions/requirement"},"when":{"$ref":"#/definitions/when"}}},"requirement":{"oneOf":[{"enum":["all","any","none"]},{"type":"integer","minimum":1}]},"item":{"type":"object","additionalProperties":false,"properties":{"id":{"description":"Stable id, shown in reports and outputs; also finds the task item that carries <!-- id: ... -->.","type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$"},"text":{"description":"Matches the task item whose text equals this, ignoring case, markup and spacing.","$ref":"#/definitions/text"},"match":{"description":"A regular expression (JavaScript syntax, case-insensitive) matched against the item's text, instead of text.","$ref":"#/definitions/text"},"section":{"description":"Only look for the item under this heading.","$ref":"#/definitions/text"},"required":{"description":"Default true. A required item that is missing, unticked or without its evidence fails the gate.","type":"boolean"},"approvers":{"description":"Who may sign this item: GitHub logins, or org/team. The item passes only when ticked and vouched for by one of them: an approving review on the current head commit, or the edit that ticked it made by one of them.","type":"array","minItems":1,"items":{"type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:/[A-Za-z0-9._-]+)?$"}},"evidence":{"$ref":"#/definitions/evidence"},"when":{"$ref":"#/definitions/when"}}},"evidence":{"description":"Links the item must carry once ticked.","type":"object","additionalProperties":false,"properties":{"min":{"description":"How many acceptable links the item must carry. Default 1.","type":"integer","minimum":0},"allow":{"description":"URL globs a link must match; default: any http(s) URL.","$ref":"#/definitions/globList"},"hint":{"description":"What the link should point to, in words, shown to the author (for example: the load-test report).","$ref":"#/definitions/text"},"verify":{"description":"Check links to this repository's GitHub host through the API: an Actions run, job or check run concluded success, a pull request merged, an issue closed as completed, a commit that exists, a published release.","type":"boolean"},"same-commit":{"description":"With verify: an Actions run, job or check run must have run on the commit being evaluated (the pull request's head, the release's commit), in the repository under review.","type":"boolean"},"repositories":{"description":"With same-commit: other repositories (owner/repo) whose Actions runs, jobs and check runs also count, for CI that runs elsewhere. Default: none, only the repository under review.","type":"array","minItems":1,"items":{"type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+$"}}}},"when":{"description":"The item or section is required only when all of these hold; each list holds when any of its entries matches.","type":"object","additionalProperties":false,"properties":{"labels":{"description":"Pull request labels (exact names, case-insensitive).","$ref":"#/definitions/globList"},"paths":{"description":"Globs of files changed by the pull request.","$ref":"#/definitions/globList"},"branches":{"description":"Globs of the base branch.","$ref":"#/definitions/globList"},"events":{"description":"pull_request and/or release.","type":"array","minItems":1,"items":{"enum":["pull_request","release"]}}}}}};

;// CONCATENATED MODULE: ./src/policy/schema-errors.ts

/** What a oneOf in the schema accepts, in words. */
const ONE_OF_WORDS = {
    '#/definitions/requirement/oneOf': 'all, any, none, or a whole number of at least 1',
};
const PATTERN_WORDS = {
    '\\S': 'must not be empty',
    '^[A-Za-z0-9][A-Za-z0-9._-]*$': 'must start with a letter or digit and hold only letters, digits, ".", "_" and "-"',
    '^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?/[A-Za-z0-9._-]+/[^@\\s]+(?:@[^@\\s]+)?$': 'must be OWNER/REPO/PATH or OWNER/REPO/PATH@REF, such as acme/release-policies/checklists/production.yml@v3',
};
const TYPE_WORDS = {
    object: 'a mapping of keys to values',
    array: 'a list',
    string: 'text',
    boolean: 'true or false',
    integer: 'a whole number',
    number: 'a number',
};
function describeSchemaErrors(errors) {
    const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
    const described = [];
    const seen = new Set();
    for (const error of errors) {
        // A failed oneOf also reports each branch's failure; its own message says it all.
        if (oneOfPaths.has(error.instancePath) && error.keyword !== 'oneOf')
            continue;
        const item = describe(error);
        const key = `${item.path.join('/')}|${item.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        described.push(item);
    }
    return described;
}
function describe(error) {
    const path = pointerSegments(error.instancePath);
    const name = path.length > 0 ? path.map(String).join('.') : 'the policy';
    const params = error.params;
    switch (error.keyword) {
        case 'additionalProperties': {
            const key = String(params['additionalProperty']);
            const allowed = allowedKeys(path);
            const suggestion = closest(key, allowed);
            const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
            return {
                path: [...path, key],
                atKey: true,
                message: `unknown key "${key}" in ${name}.${hint} Allowed keys: ${allowed.join(', ')}.`,
            };
        }
        case 'required':
            return { path, atKey: false, message: `${name} needs the key "${String(params['missingProperty'])}".` };
        case 'enum':
            return {
                path,
                atKey: false,
                message: `${name} must be one of: ${params['allowedValues'].map(String).join(', ')}.`,
            };
        case 'const':
            return { path, atKey: false, message: `${name} must be ${JSON.stringify(params['allowedValue'])}.` };
        case 'type': {
            const type = String(params['type']);
            if (path.length === 0) {
                return {
                    path,
                    atKey: false,
                    message: 'the policy must be a mapping of keys to values, starting with "version: 1".',
                };
            }
            return { path, atKey: false, message: `${name} must be ${TYPE_WORDS[type] ?? type}.` };
        }
        case 'minItems':
            return { path, atKey: false, message: `${name} must list at least ${String(params['limit'])} entry.` };
        case 'minimum':
            return { path, atKey: false, message: `${name} must be at least ${String(params['limit'])}.` };
        case 'maximum':
            return { path, atKey: false, message: `${name} must be at most ${String(params['limit'])}.` };
        case 'pattern':
            return {
                path,
                atKey: false,
                message: `${name} ${PATTERN_WORDS[String(params['pattern'])] ?? `must match ${String(params['pattern'])}`}.`,
            };
        case 'oneOf':
            return {
                path,
                atKey: false,
                message: `${name} must be ${ONE_OF_WORDS[error.schemaPath] ?? 'one of the allowed forms'}.`,
            };
        default:
            return { path, atKey: false, message: `${name} ${error.message ?? 'is not valid'}.` };
    }
}
function pointerSegments(pointer) {
    if (pointer === '')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
/** Follows a local "$ref" such as "#/definitions/item". */
function resolve(node) {
    if (!node?.$ref)
        return node;
    let target = policySchema;
    for (const segment of node.$ref.replace(/^#\//, '').split('/'))
        target = target?.[segment];
    return resolve(target);
}
/** The keys the schema allows in the object at an instance path. */
function allowedKeys(path) {
    let node = resolve(policySchema);
    for (const segment of path) {
        node = resolve(typeof segment === 'number' ? node?.items : node?.properties?.[segment]);
    }
    return node?.properties ? Object.keys(node.properties) : [];
}
/** The allowed key nearest to a mistyped one, when it is near enough to be a typo. */
function closest(key, allowed) {
    let best = null;
    let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
    for (const candidate of allowed) {
        const distance = editDistance(key.toLowerCase(), candidate);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
function editDistance(a, b) {
    if (a.length > 64 || b.length > 64)
        return Number.POSITIVE_INFINITY;
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}

;// CONCATENATED MODULE: ./src/policy/load-policy.ts





/** Parses and validates a policy file. Every problem is reported with its line and column; none is skipped. */
function loadPolicy(text, file) {
    const load = loadPolicyFile(text, file);
    if (!load.ok)
        return load;
    const { raw, place } = load.policyFile;
    return { ok: true, policy: toPolicy(raw, file, (path) => place(path, false).line) };
}
/** Parses and validates one policy file, without following its `extends`. */
function loadPolicyFile(text, file) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const at = (offset) => {
        if (offset === undefined)
            return { line: null, column: null };
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    if (doc.errors.length > 0) {
        return {
            ok: false,
            errors: inFileOrder(doc.errors.map((error) => ({
                file,
                ...at(error.pos[0]),
                message: error.code === 'DUPLICATE_KEY'
                    ? `the key "${keyAt(text, error.pos[0])}" appears twice in the same mapping; keep one.`
                    : `not valid YAML: ${error.message.split('\n')[0]}`,
            }))),
        };
    }
    const data = doc.toJS({ maxAliasCount: 100 });
    if (data === null || data === undefined) {
        return {
            ok: false,
            errors: [
                { file, line: 1, column: 1, message: 'the policy file is empty; it needs at least "version: 1".' },
            ],
        };
    }
    const locate = (error) => ({
        file,
        ...at(nodeOffset(doc, error.path, error.atKey)),
        message: error.message,
    });
    const valid = validate(data);
    // The rules beyond the schema are checked even when the schema fails, so that no error is held back.
    const problems = [
        ...(valid ? [] : describeSchemaErrors(validate.errors ?? [])),
        ...semanticProblems(data),
    ];
    if (problems.length > 0)
        return { ok: false, errors: inFileOrder(problems.map(locate)) };
    const place = (path, atKey) => ({
        file,
        ...at(nodeOffset(doc, path, atKey)),
    });
    return { ok: true, policyFile: { file, raw: data, place } };
}
function inFileOrder(errors) {
    return errors
        .map((error, position) => ({ error, position }))
        .sort((a, b) => (a.error.line ?? 0) - (b.error.line ?? 0) ||
        (a.error.column ?? 0) - (b.error.column ?? 0) ||
        a.position - b.position)
        .map(({ error }) => error);
}
/** The key written at an offset, for naming it in a message. */
function keyAt(text, offset) {
    const line = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
    return line.split(':')[0]?.trim() ?? '';
}
/** Offset of the YAML node at a path: the key itself, or its value. */
function nodeOffset(doc, path, atKey) {
    if (!atKey) {
        for (let length = path.length; length >= 0; length--) {
            const node = doc.getIn(path.slice(0, length), true);
            if (node && typeof node === 'object' && node.range)
                return node.range[0];
        }
        return doc.contents?.range?.[0];
    }
    const parent = doc.getIn(path.slice(0, -1), true);
    const key = path.at(-1);
    if ((0,dist/* isMap */.jh)(parent)) {
        const pair = parent.items.find((candidate) => candidate.key?.value === key);
        const keyNode = pair?.key;
        if (keyNode?.range)
            return keyNode.range[0];
    }
    return nodeOffset(doc, path.slice(0, -1), false);
}
/** Rules the schema cannot express: exclusive keys, ids used twice, regular expressions that do not compile. */
function semanticProblems(raw) {
    const problems = [];
    if (!isRecord(raw))
        return problems;
    if (typeof raw.extends === 'string') {
        const base = parseBaseReference(raw.extends);
        // A text of the wrong form is already reported by the schema's pattern.
        if ('problem' in base && base.kind === 'path')
            problems.push({ path: ['extends'], atKey: false, message: `extends ${base.problem}.` });
    }
    const checklist = isRecord(raw.checklist) ? raw.checklist : {};
    if (checklist.heading !== undefined && checklist.start !== undefined) {
        problems.push({
            path: ['checklist', 'start'],
            atKey: true,
            message: 'checklist takes either "heading" or "start" (with "end"), not both.',
        });
    }
    if (checklist.end !== undefined && checklist.start === undefined) {
        problems.push({
            path: ['checklist', 'end'],
            atKey: true,
            message: 'checklist.end needs checklist.start.',
        });
    }
    const seenIds = new Map();
    (Array.isArray(raw.items) ? raw.items : []).forEach((item, index) => {
        if (!isRecord(item))
            return;
        const name = `items.${index}`;
        if (item.text === undefined && item.match === undefined && item.id === undefined) {
            problems.push({
                path: ['items', index],
                atKey: false,
                message: `${name} needs "text", "match" or "id" to find its task item.`,
            });
        }
        if (item.text !== undefined && item.match !== undefined) {
            problems.push({
                path: ['items', index, 'match'],
                atKey: true,
                message: `${name} takes either "text" or "match", not both.`,
            });
        }
        if (typeof item.match === 'string') {
            try {
                new RegExp(item.match, 'i');
            }
            catch (error) {
                problems.push({
                    path: ['items', index, 'match'],
                    atKey: false,
                    message: `${name}.match is not a valid regular expression: ${error.message}.`,
                });
            }
        }
        if (isRecord(item.evidence) && item.evidence['same-commit'] === true && item.evidence.verify !== true) {
            problems.push({
                path: ['items', index, 'evidence', 'same-commit'],
                atKey: true,
                message: `${name}.evidence.same-commit needs verify: true.`,
            });
        }
        if (isRecord(item.evidence) &&
            item.evidence.repositories !== undefined &&
            item.evidence['same-commit'] !== true) {
            problems.push({
                path: ['items', index, 'evidence', 'repositories'],
                atKey: true,
                message: `${name}.evidence.repositories needs same-commit: true (it names whose runs prove the commit).`,
            });
        }
        if (typeof item.id === 'string') {
            const first = seenIds.get(item.id);
            if (first !== undefined) {
                problems.push({
                    path: ['items', index, 'id'],
                    atKey: false,
                    message: `${name}.id "${item.id}" is already used by items.${first}; ids must be unique.`,
                });
            }
            else {
                seenIds.set(item.id, index);
            }
        }
    });
    return problems;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- narrows YAML data of any shape before its fields are read
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The policy the evaluator uses, every default filled in; `lineOf` gives the line of a node of `raw`. */
function toPolicy(raw, file, lineOf) {
    const sections = (raw.sections ?? []).map((section, index) => ({
        heading: section.heading,
        require: section.require ?? 'all',
        when: section.when ?? null,
        line: lineOf(['sections', index]),
    }));
    const items = (raw.items ?? []).map((item, index) => {
        const evidence = item.evidence
            ? {
                min: item.evidence.min ?? 1,
                allow: item.evidence.allow ?? null,
                hint: item.evidence.hint ?? null,
                verify: item.evidence.verify ?? false,
                sameCommit: item.evidence['same-commit'] ?? false,
                repositories: (item.evidence.repositories ?? []).map((name) => name.toLowerCase()),
            }
            : null;
        return {
            id: item.id ?? null,
            text: item.text ?? null,
            match: item.match ?? null,
            section: item.section ?? null,
            required: item.required ?? true,
            evidence,
            approvers: item.approvers ?? null,
            when: item.when ?? null,
            line: lineOf(['items', index]),
        };
    });
    return {
        source: { kind: 'file', path: file },
        gate: { branches: raw.gate?.branches ?? null, releases: raw.gate?.releases ?? true },
        checklist: {
            ...(raw.checklist?.heading !== undefined && { heading: raw.checklist.heading }),
            ...(raw.checklist?.start !== undefined && { start: raw.checklist.start }),
            ...(raw.checklist?.end !== undefined && { end: raw.checklist.end }),
            required: raw.checklist?.required ?? true,
        },
        unlisted: raw.unlisted ?? 'required',
        verification: { maxLinks: raw.verification?.['max-links'] ?? DEFAULT_MAX_VERIFIED_LINKS },
        sections,
        items,
    };
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/policy/policy-locks.ts


/** A one-file layer: the policy as written, before any file builds on it. */
function singleLayer(policyFile) {
    const { raw, file, place } = policyFile;
    const places = new Map();
    for (const key of TOP_LEVEL_LOCKS)
        recordPlaces(places, key.name, raw, key.path, place);
    (raw.items ?? []).forEach((item, index) => recordItemPlaces(places, item, ['items', index], place));
    (raw.sections ?? []).forEach((section, index) => recordSectionPlaces(places, section, ['sections', index], place));
    // The reference to a further base is followed by the resolver, not merged.
    const rest = { ...raw };
    delete rest.extends;
    return {
        file,
        raw: rest,
        itemFrom: (raw.items ?? []).map(() => [file]),
        itemLines: (raw.items ?? []).map((_, index) => place(['items', index], false).line),
        sectionLines: (raw.sections ?? []).map((_, index) => place(['sections', index], false).line),
        places,
    };
}
/**
 * Lays a policy file over its resolved base. The file may add items and sections and tighten the
 * base's; every attempt to weaken a base rule is an error naming both places. The keys that
 * configure the repository rather than the checklist (gate.branches, the checklist's heading and
 * markers, verification.max-links) are the file's own.
 */
function layerOver(base, local) {
    const errors = [];
    const places = new Map(base.places);
    const refuse = (localPath, basePlace, message) => {
        errors.push({ ...local.place(localPath, true), message: `${message}${lockedAt(basePlace, base.file)}` });
    };
    const raw = local.raw;
    const merged = { version: 1 };
    // Repository keys: the local file's when it sets them.
    const gateBranches = raw.gate?.branches ?? base.raw.gate?.branches;
    const markers = ['heading', 'start', 'end'];
    const localMarkers = markers.some((key) => raw.checklist?.[key] !== undefined);
    const checklistFrom = localMarkers ? raw.checklist : base.raw.checklist;
    const maxLinks = raw.verification?.['max-links'] ?? base.raw.verification?.['max-links'];
    // Checklist keys: only ever tightened.
    const releases = tightenFlag(base.raw.gate?.releases ?? true, raw.gate?.releases);
    if (releases.weakened)
        refuse(['gate', 'releases'], base.places.get('gate:releases'), 'gate.releases: false stops gating releases, which the base policy gates');
    const checklistRequired = tightenFlag(base.raw.checklist?.required ?? true, raw.checklist?.required);
    if (checklistRequired.weakened)
        refuse(['checklist', 'required'], base.places.get('checklist:required'), 'checklist.required: false lets a pull request without a checklist pass, which the base policy does not');
    const baseUnlisted = base.raw.unlisted ?? 'required';
    if (raw.unlisted !== undefined && UNLISTED_RANK[raw.unlisted] < UNLISTED_RANK[baseUnlisted])
        refuse(['unlisted'], base.places.get('unlisted'), `unlisted: ${raw.unlisted} is looser than the base policy's unlisted: ${baseUnlisted}`);
    const unlisted = raw.unlisted !== undefined && UNLISTED_RANK[raw.unlisted] > UNLISTED_RANK[baseUnlisted]
        ? raw.unlisted
        : baseUnlisted;
    merged.gate = { ...(gateBranches !== undefined && { branches: gateBranches }), releases: releases.value };
    merged.checklist = {
        ...(checklistFrom?.heading !== undefined && { heading: checklistFrom.heading }),
        ...(checklistFrom?.start !== undefined && { start: checklistFrom.start }),
        ...(checklistFrom?.end !== undefined && { end: checklistFrom.end }),
        required: checklistRequired.value,
    };
    merged.unlisted = unlisted;
    if (maxLinks !== undefined)
        merged.verification = { 'max-links': maxLinks };
    for (const key of TOP_LEVEL_LOCKS)
        recordPlaces(places, key.name, raw, key.path, local.place);
    // A key this code does not know yet is locked as the base wrote it, rather than dropped.
    for (const key of Object.keys(base.raw).filter((name) => !KNOWN_TOP_LEVEL.includes(name))) {
        const baseValue = base.raw[key];
        const localValue = raw[key];
        if (localValue !== undefined && !sameValue(localValue, baseValue))
            refuse([key], undefined, `${key} is locked by the base policy`);
        merged[key] = baseValue;
    }
    for (const key of Object.keys(raw).filter((name) => !KNOWN_TOP_LEVEL.includes(name)))
        if (!(key in merged))
            merged[key] = raw[key];
    // What the base demands of task items that no rule names: an item or section added here must not ask less.
    const allSection = (base.raw.sections ?? []).findIndex((section) => (section.require ?? 'all') === 'all');
    const demand = baseUnlisted === 'required'
        ? {
            what: 'makes every task item that no rule names required (unlisted: required)',
            at: base.places.get('unlisted'),
        }
        : allSection >= 0
            ? {
                what: `requires every task item under "${base.raw.sections?.[allSection]?.heading ?? ''}"`,
                at: base.places.get(`section:${headingKey(base.raw.sections?.[allSection]?.heading ?? '')}`),
            }
            : null;
    // Sections: the base's by heading, tightened here; new ones added after them.
    const sections = (base.raw.sections ?? []).map((section) => ({ ...section }));
    const sectionLines = [...base.sectionLines];
    const sectionIndex = new Map(sections.map((section, index) => [headingKey(section.heading), index]));
    (raw.sections ?? []).forEach((section, position) => {
        const path = ['sections', position];
        const key = headingKey(section.heading);
        const at = sectionIndex.get(key);
        if (at === undefined) {
            if (demand && ((section.require ?? 'all') !== 'all' || section.when !== undefined))
                refuse(section.when !== undefined ? [...path, 'when'] : [...path, 'require'], demand.at, `sections.${position} ("${section.heading}") asks less than the base policy, which ${demand.what}; a section added over it must be require: all, without when`);
            sections.push(section);
            sectionLines.push(local.place(path, false).line);
            recordSectionPlaces(places, section, path, local.place);
            return;
        }
        const baseSection = sections[at];
        const name = `sections.${position} ("${section.heading}")`;
        const baseRequire = baseSection.require ?? 'all';
        if (section.require !== undefined && requireRank(section.require) < requireRank(baseRequire))
            refuse([...path, 'require'], places.get(`section:${key}:require`) ?? places.get(`section:${key}`), `${name}: require: ${String(section.require)} relaxes the base policy's require: ${String(baseRequire)}`);
        if (section.when !== undefined && !sameValue(section.when, baseSection.when))
            refuse([...path, 'when'], places.get(`section:${key}:when`) ?? places.get(`section:${key}`), `${name}: a when makes a locked section required less often; the base policy's section stands as written`);
        for (const field of Object.keys(section))
            if (!['heading', 'require', 'when'].includes(field) &&
                !sameValue(section[field], baseSection[field]))
                refuse([...path, field], places.get(`section:${key}`), `${name}.${field} is locked by the base policy`);
        const require = section.require !== undefined && requireRank(section.require) > requireRank(baseRequire)
            ? section.require
            : baseSection.require;
        sections[at] = { ...baseSection, ...(require !== undefined && { require }) };
        recordSectionPlaces(places, section, path, local.place);
    });
    // Items: the base's by id, tightened here; new ones added after them.
    const items = (base.raw.items ?? []).map((item) => ({ ...item }));
    const itemFrom = base.itemFrom.map((files) => [...files]);
    const itemLines = [...base.itemLines];
    const itemIndex = new Map(items.flatMap((item, index) => (item.id === undefined ? [] : [[item.id, index]])));
    (raw.items ?? []).forEach((item, position) => {
        const path = ['items', position];
        const at = item.id === undefined ? undefined : itemIndex.get(item.id);
        if (at === undefined) {
            if (demand && (item.required === false || item.when !== undefined))
                refuse(item.when !== undefined ? [...path, 'when'] : [...path, 'required'], demand.at, `items.${position} is ${item.when !== undefined ? 'conditional (when)' : 'optional'}, but the base policy ${demand.what}; an item added over it must be required, without when`);
            items.push(item);
            itemFrom.push([local.file]);
            itemLines.push(local.place(path, false).line);
            recordItemPlaces(places, item, path, local.place);
            return;
        }
        const tightened = tightenItem(items[at], item, `items.${position} (${item.id ?? ''})`, path, places, refuse);
        items[at] = tightened;
        itemFrom[at] = [...(itemFrom[at] ?? []), local.file];
        recordItemPlaces(places, item, path, local.place);
    });
    if (errors.length > 0)
        return { ok: false, errors };
    if (sections.length > 0)
        merged.sections = sections;
    if (items.length > 0)
        merged.items = items;
    return { ok: true, layered: { file: local.file, raw: merged, itemFrom, itemLines, sectionLines, places } };
}
/** One base item with the local file's entry for the same id laid over it. */
function tightenItem(base, local, name, path, places, refuse) {
    const id = base.id ?? '';
    const lock = (field) => places.get(`item:${id}:${field}`) ?? places.get(`item:${id}`);
    const merged = { ...base };
    for (const field of Object.keys(local)) {
        switch (field) {
            case 'id':
                break;
            case 'required':
                if (local.required === false && (base.required ?? true))
                    refuse([...path, 'required'], lock('required'), `${name}: required: false makes a locked item optional`);
                else if (local.required === true)
                    merged.required = true;
                break;
            case 'when':
                if (!sameValue(local.when, base.when))
                    refuse([...path, 'when'], lock('when'), `${name}: a when makes a locked item required less often; the base policy's conditions stand as written`);
                break;
            case 'approvers': {
                const allowed = base.approvers?.map((login) => login.toLowerCase());
                const wider = allowed
                    ? (local.approvers ?? []).filter((login) => !allowed.includes(login.toLowerCase()))
                    : [];
                if (wider.length > 0)
                    refuse([...path, 'approvers'], lock('approvers'), `${name}: approvers ${wider.join(', ')} would widen who may sign a locked item; list only some of the base policy's approvers (${(base.approvers ?? []).join(', ')})`);
                else
                    merged.approvers = local.approvers;
                break;
            }
            case 'evidence':
                merged.evidence = tightenEvidence(base.evidence, local.evidence ?? {}, name, [...path, 'evidence'], lock, refuse);
                break;
            default:
                // How the item is found (text, match, section) and any key not listed above: locked as written.
                if (!sameValue(local[field], base[field]))
                    refuse([...path, field], lock(field), `${name}.${field} is locked by the base policy: it decides which task item the rule applies to`);
        }
    }
    return merged;
}
function tightenEvidence(base, local, name, path, lock, refuse) {
    // No evidence in the base: any evidence asked here only adds to it.
    if (base === undefined)
        return local;
    const merged = { ...base };
    for (const field of Object.keys(local)) {
        const at = [...path, field];
        switch (field) {
            case 'min': {
                const baseMin = base.min ?? 1;
                if ((local.min ?? baseMin) < baseMin)
                    refuse(at, lock('evidence/min'), `${name}: evidence.min: ${local.min ?? ''} is lower than the base policy's ${baseMin}`);
                else
                    merged.min = local.min;
                break;
            }
            case 'allow': {
                const wider = base.allow
                    ? (local.allow ?? []).filter((glob) => !(base.allow ?? []).includes(glob))
                    : [];
                if (wider.length > 0)
                    refuse(at, lock('evidence/allow'), `${name}: evidence.allow ${wider.map((glob) => `"${glob}"`).join(', ')} is not among the base policy's globs; list only some of them (${(base.allow ?? []).join(', ')})`);
                else
                    merged.allow = local.allow;
                break;
            }
            case 'repositories': {
                // More repositories whose runs count is looser; fewer is stricter.
                const named = (base.repositories ?? []).map((repository) => repository.toLowerCase());
                const wider = (local.repositories ?? []).filter((repository) => !named.includes(repository.toLowerCase()));
                if (wider.length > 0)
                    refuse(at, lock('evidence/repositories'), `${name}: evidence.repositories ${wider.map((repository) => `"${repository}"`).join(', ')} is not among the base policy's repositories; list only some of them (${named.join(', ') || 'none'})`);
                else
                    merged.repositories = local.repositories;
                break;
            }
            case 'verify':
            case 'same-commit':
                if (local[field] === false && base[field] === true)
                    refuse(at, lock(`evidence/${field}`), `${name}: evidence.${field}: false drops a check the base policy makes`);
                else if (local[field] === true)
                    merged[field] = true;
                break;
            case 'hint':
                // Words shown to the author, not a rule.
                merged.hint = local.hint;
                break;
            default:
                if (!sameValue(local[field], base[field]))
                    refuse(at, lock(`evidence/${String(field)}`), `${name}: evidence.${String(field)} is locked by the base policy`);
        }
    }
    return merged;
}
const KNOWN_TOP_LEVEL = [
    'version',
    'extends',
    'gate',
    'checklist',
    'unlisted',
    'verification',
    'sections',
    'items',
];
/** Top-level keys that bind later layers, and where they are in a file. */
const TOP_LEVEL_LOCKS = [
    { name: 'gate:releases', path: ['gate', 'releases'] },
    { name: 'checklist:required', path: ['checklist', 'required'] },
    { name: 'unlisted', path: ['unlisted'] },
];
function recordPlaces(places, name, raw, path, place) {
    if (valueAt(raw, path) !== undefined)
        places.set(name, place(path, true));
}
function recordItemPlaces(places, item, path, place) {
    if (item.id === undefined)
        return;
    if (!places.has(`item:${item.id}`))
        places.set(`item:${item.id}`, place(path, false));
    for (const field of Object.keys(item)) {
        if (field === 'evidence' && item.evidence)
            for (const key of Object.keys(item.evidence))
                places.set(`item:${item.id}:evidence/${key}`, place([...path, 'evidence', key], true));
        else
            places.set(`item:${item.id}:${field}`, place([...path, field], true));
    }
}
function recordSectionPlaces(places, section, path, place) {
    const key = headingKey(section.heading);
    if (!places.has(`section:${key}`))
        places.set(`section:${key}`, place(path, false));
    for (const field of ['require', 'when'])
        if (section[field] !== undefined)
            places.set(`section:${key}:${field}`, place([...path, field], true));
}
function lockedAt(place, baseFile) {
    // A value the base leaves at its default is locked by the base file as a whole.
    if (!place)
        return ` (locked by ${baseFile}).`;
    const where = [place.file, place.line, place.column].filter((part) => part !== null).join(':');
    return ` (locked by ${where}).`;
}
function tightenFlag(base, local) {
    return { value: base || local === true, weakened: base && local === false };
}
const UNLISTED_RANK = {
    ignored: 0,
    optional: 1,
    required: 2,
};
/** How much a section's require asks: none < any (one tick) < N ticks < all. */
function requireRank(require) {
    if (require === 'none')
        return 0;
    if (require === 'any')
        return 1;
    if (require === 'all')
        return Number.POSITIVE_INFINITY;
    return require;
}
function valueAt(raw, path) {
    let value = raw;
    for (const segment of path)
        value = value?.[segment];
    return value;
}
function sameValue(a, b) {
    return (0,external_node_util_.isDeepStrictEqual)(a, b);
}

;// CONCATENATED MODULE: ./src/policy/resolve-policy.ts



/** How many bases one policy may build on, one extending the next. */
const MAX_BASES = 3;
/**
 * Loads a policy and the chain of bases it extends, and lays each file over its base: the result
 * is one policy, or every error with its file, line and column. A base that cannot be read or
 * is invalid fails the whole policy; there is no weaker policy to fall back to.
 */
async function resolvePolicy(text, file, options) {
    const first = loadPolicyFile(text, file);
    if (!first.ok)
        return first;
    const files = [first.policyFile];
    const bases = [];
    for (let current = first.policyFile; current.raw.extends !== undefined;) {
        const at = current.place(['extends'], false);
        const base = parseBaseReference(current.raw.extends);
        // The schema and loadPolicyFile have checked the form already.
        if ('problem' in base)
            return failure(at, `extends ${base.problem}.`);
        const label = baseLabel(base);
        const chain = [file, ...bases.map(baseLabel), label].join(' → ');
        if (bases.some((earlier) => sameBase(earlier, base)))
            return failure(at, `extends ${label}, which closes a cycle: ${chain}. A policy cannot build on itself.`);
        if (bases.length >= MAX_BASES)
            return failure(at, `extends ${label}, a base more than ${MAX_BASES} levels deep: ${chain}. A policy builds on at most ${MAX_BASES} bases, one extending the next.`);
        if (options.readBase === null)
            return failure(at, `extends ${label}, which cannot be read here: ${options.access(base)}`);
        const answer = await options.readBase(base);
        if (!answer.ok)
            return failure(at, unreadable(base, answer.status, options.access(base)));
        const loaded = loadPolicyFile(answer.text, answer.file ?? label);
        if (!loaded.ok) {
            const count = `${loaded.errors.length} error${loaded.errors.length === 1 ? '' : 's'}`;
            return {
                ok: false,
                errors: [
                    {
                        ...at,
                        message: `extends ${label}, which has ${count} (listed after this one); fix the base policy there.`,
                    },
                    ...loaded.errors,
                ],
            };
        }
        bases.push(base);
        files.push(loaded.policyFile);
        current = loaded.policyFile;
    }
    // Fold from the deepest base up, so that each file meets its base with that base's own bases in it.
    let layered = singleLayer(files[files.length - 1]);
    for (let index = files.length - 2; index >= 0; index--) {
        const result = layerOver(layered, files[index]);
        if (!result.ok)
            return result;
        layered = result.layered;
    }
    const lineOf = (path) => (path[0] === 'items' ? layered.itemLines : layered.sectionLines)[path[1]] ?? null;
    const policy = toPolicy(layered.raw, file, lineOf);
    if (files.length > 1) {
        policy.bases = files.slice(1).map((policyFile) => policyFile.file);
        policy.items.forEach((item, index) => (item.from = layered.itemFrom[index] ?? [file]));
    }
    return { ok: true, policy };
}
function failure(at, message) {
    return { ok: false, errors: [{ ...at, message }] };
}
function unreadable(base, status, access) {
    const ref = base.ref === null ? 'its default branch' : `ref ${base.ref}`;
    const answer = status === 404
        ? 'GitHub answered 404 (not found: the file or ref does not exist, or the token cannot see the repository)'
        : `GitHub answered ${status} (the token may not read it)`;
    return `cannot read the base policy ${baseLabel(base)}: repository ${base.owner}/${base.repo}, path ${base.path}, ${ref}. ${answer}. ${access} The gate does not fall back to a weaker policy.`;
}

// EXTERNAL MODULE: ./src/report/safe-text.ts
var safe_text = __webpack_require__(9577);
;// CONCATENATED MODULE: ./src/report/markdown.ts


const STATUS_WORDS = {
    ok: 'done',
    unchecked: 'not ticked',
    missing: 'missing',
    'no-evidence': 'no evidence',
    'bad-evidence': 'evidence not accepted',
    unapproved: 'not signed by an approver',
    optional: 'optional',
    'not-required': 'not required here',
};
/** The report as Markdown, for the pull request comment and the job summary: what fails and how to fix it first. */
function renderMarkdown(report, options = {}) {
    const title = (0,safe_text/* safeInline */.H1)(options.title ?? 'checklist-gate', 100);
    const lines = [];
    if (report.conclusion === 'error') {
        lines.push(`### ⚠️ ${title}: the policy could not be used`, '', (0,safe_text/* safeInline */.H1)(report.summary, 500) + '.', '');
        for (const error of report.errors) {
            const place = [error.file, error.line, error.column].filter((part) => part !== null).join(':');
            lines.push(`- \`${place.replace(/`/g, "'")}\` ${(0,safe_text/* safeMessage */.N5)(error.message, 1000)}`);
        }
        lines.push('', 'Fix the policy file on the base branch; a pull request cannot change the policy that gates it.');
        return lines.join('\n') + '\n';
    }
    const icon = report.passed ? '✅' : '❌';
    lines.push(`### ${icon} ${title}: ${(0,safe_text/* safeInline */.H1)(report.summary, 200)}`, '');
    if (!report.checklist.found) {
        lines.push(...noChecklist(report, options.template ?? null));
        return lines.join('\n') + '\n';
    }
    lines.push(progressLine(report), '');
    const failing = report.items.filter((item) => item.required && FAILING_STATUSES.has(item.status));
    const failingSections = report.sections.filter((section) => section.status === 'failing');
    if (failing.length > 0 || failingSections.length > 0) {
        lines.push('#### What is still needed', '');
        lines.push(...groupedBySection(failing, failingItem));
        lines.push(...failingSections.flatMap(failingSection));
    }
    const done = report.items.filter((item) => item.status === 'ok');
    if (done.length > 0)
        lines.push(...collapsed(`✅ ${done.length} done`, groupedBySection(done, passingItem)));
    const other = report.items.filter((item) => !item.required && item.status !== 'ok' && !FAILING_STATUSES.has(item.status));
    if (other.length > 0)
        lines.push(...collapsed(`➖ ${other.length} optional or not required`, groupedBySection(other, passingItem)));
    if (report.notes.length > 0)
        lines.push('', ...report.notes.map((note) => `> ${(0,safe_text/* safeMessage */.N5)(note)}`));
    return lines.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
function progressLine(report) {
    const { required, done } = report.counts;
    const percent = required === 0 ? 100 : Math.floor((done / required) * 100);
    const filled = Math.round(percent / 10);
    const bar = '█'.repeat(filled) + '░'.repeat(10 - filled);
    const extras = [
        report.counts.optional > 0 ? `${report.counts.optional} optional` : null,
        report.counts.notRequired > 0 ? `${report.counts.notRequired} not required here` : null,
        report.policy.path
            ? `policy \`${report.policy.path.replace(/`/g, "'")}\``
            : 'no policy file: every item required',
    ].filter((part) => part !== null);
    return `**${done} of ${required} required done** \`${bar}\` ${percent}% · ${extras.join(' · ')}`;
}
function where(item) {
    const parts = [item.line !== null ? `line ${item.line}` : 'not in the description'];
    if (item.id !== null)
        parts.push(`\`${item.id}\``);
    if (item.ruleFrom)
        parts.push(`rule from ${item.ruleFrom.map((file) => `\`${file.replace(/`/g, "'")}\``).join(' + ')}`);
    return parts.join(' · ');
}
function failingItem(item) {
    const lines = [
        `- ❌ **${(0,safe_text/* safeInline */.H1)(item.text)}** — ${STATUS_WORDS[item.status]} <sub>${where(item)}</sub>`,
    ];
    for (const problem of item.problems.filter((text) => text !== 'not ticked'))
        lines.push(`  - ${(0,safe_text/* safeMessage */.N5)(problem)}`);
    if (item.fix)
        lines.push(`  - **Fix:** ${(0,safe_text/* safeMessage */.N5)(item.fix)}`);
    return lines;
}
function passingItem(item) {
    const box = item.checked ? '☑' : '☐';
    const status = item.status === 'ok' ? '' : ` — ${STATUS_WORDS[item.status]}`;
    return [`- ${box} ${(0,safe_text/* safeInline */.H1)(item.text)}${status} <sub>${where(item)}</sub>`];
}
const MAX_LISTED_CANDIDATES = 20;
function failingSection(section) {
    const lines = [`- ❌ **Section “${(0,safe_text/* safeInline */.H1)(section.heading)}”** — ${(0,safe_text/* safeMessage */.N5)(section.problem ?? '')}`];
    if (section.fix)
        lines.push(`  - **Fix:** ${(0,safe_text/* safeMessage */.N5)(section.fix)}`);
    for (const item of section.unticked.slice(0, MAX_LISTED_CANDIDATES)) {
        lines.push(`  - ☐ ${(0,safe_text/* safeInline */.H1)(item.text)} <sub>line ${item.line}</sub>`);
    }
    const more = section.unticked.length - MAX_LISTED_CANDIDATES;
    if (more > 0)
        lines.push(`  - … and ${more} more`);
    return lines;
}
function groupedBySection(items, render) {
    const groups = new Map();
    for (const item of items) {
        const key = item.section ?? '';
        groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    const lines = [];
    for (const [section, members] of groups) {
        if (groups.size > 1 || section !== '')
            lines.push('', `**${section === '' ? '(no heading)' : (0,safe_text/* safeInline */.H1)(section)}**`, '');
        for (const item of members)
            lines.push(...render(item));
    }
    return lines;
}
function collapsed(summary, body) {
    return ['', `<details><summary>${summary}</summary>`, '', ...body, '', '</details>'];
}
function noChecklist(report, template) {
    const lines = [
        `The gate looked in ${(0,safe_text/* safeInline */.H1)(report.checklist.where)} and found no task items to check.`,
        '',
    ];
    if (template) {
        const fence = '`'.repeat(Math.max(3, longestRun(template, '`') + 1));
        lines.push('Paste the release checklist into the description, tick each item as it is done, and this check runs again on every edit:', '', `${fence}markdown`, template, fence);
    }
    else {
        lines.push('Add the release checklist as task items (`- [ ] item`) to the description; this check runs again on every edit.');
    }
    return lines;
}
/** The longest run of one character in a text, so that a fence around it can be longer. */
function longestRun(text, char) {
    let longest = 0;
    let current = 0;
    for (const each of text) {
        current = each === char ? current + 1 : 0;
        longest = Math.max(longest, current);
    }
    return longest;
}

;// CONCATENATED MODULE: ./src/template/render-template.ts

/**
 * The pull-request template a policy implies: its checklist block, each item with its id marker
 * (so it is found even if reworded), a bullet saying what evidence it needs, and hidden notes
 * for optional and conditional items. Generating it keeps template and policy from drifting.
 */
function renderTemplate(policy) {
    const lines = [];
    const { heading, start, end } = policy.checklist;
    if (heading !== undefined)
        lines.push(`## ${heading}`, '');
    if (start !== undefined)
        lines.push(start);
    lines.push('<!-- Tick each item when it is done. An item that needs evidence needs a link on its line or in a bullet under it. -->');
    const groups = groupBySection(policy.items);
    const sectionRules = new Map(policy.sections.map((rule) => [rule.heading.toLowerCase(), rule]));
    const level = heading !== undefined ? '###' : '##';
    for (const [section, rules] of groups) {
        lines.push('');
        if (section !== null)
            lines.push(`${level} ${section}`, ...sectionNote(sectionRules.get(section.toLowerCase())));
        for (const rule of rules)
            lines.push(...itemLines(rule));
    }
    for (const rule of policy.sections) {
        if (groups.has(rule.heading) ||
            [...groups.keys()].some((name) => name?.toLowerCase() === rule.heading.toLowerCase()))
            continue;
        lines.push('', `${level} ${rule.heading}`, ...sectionNote(rule), "<!-- list this section's task items here -->");
    }
    if (start !== undefined && end !== undefined)
        lines.push('', end);
    return lines.join('\n') + '\n';
}
function groupBySection(rules) {
    const groups = new Map();
    for (const rule of rules)
        groups.set(rule.section, [...(groups.get(rule.section) ?? []), rule]);
    return groups;
}
function itemLines(rule) {
    const text = rule.text ?? rule.id ?? 'item';
    const notes = [
        rule.id !== null ? `<!-- id: ${rule.id} -->` : null,
        rule.required ? null : '<!-- optional -->',
        whenNote(rule.when),
    ];
    const lines = [`- [ ] ${[text, ...notes].filter((part) => part !== null).join(' ')}`];
    if (rule.evidence && rule.evidence.min > 0)
        lines.push(`  - Evidence: ${evidenceWords(rule.evidence)}`);
    return lines;
}
function sectionNote(rule) {
    if (!rule)
        return [];
    const need = rule.require === 'none'
        ? 'optional: these do not block the merge'
        : rule.require === 'any'
            ? 'at least one of these must be ticked'
            : rule.require === 'all'
                ? null
                : `at least ${rule.require} of these must be ticked`;
    const parts = [need, whenNote(rule.when)?.slice(5, -4) ?? null].filter((part) => part !== null);
    return parts.length > 0 ? [`<!-- ${parts.join('; ')} -->`] : [];
}
function whenNote(when) {
    if (!when)
        return null;
    const parts = [
        when.labels ? `the pull request has the label ${when.labels.join(' or ')}` : null,
        when.paths ? `it changes ${when.paths.join(' or ')}` : null,
        when.branches ? `its base branch is ${when.branches.join(' or ')}` : null,
        when.events ? `the event is ${when.events.join(' or ')}` : null,
    ].filter((part) => part !== null);
    return `<!-- required only when ${parts.join(', and ')} -->`;
}

;// CONCATENATED MODULE: ./src/action/outcome.ts

function missingOf(report) {
    const items = report.items
        .filter((item) => item.required && FAILING_STATUSES.has(item.status))
        .map((item) => item.id ?? item.text);
    const sections = report.sections
        .filter((section) => section.status === 'failing')
        .map((section) => `section: ${section.heading}`);
    return [...items, ...sections];
}

;// CONCATENATED MODULE: ./src/action/evaluation.ts








/** The policy from its file's text and the bases it extends; no file means the default policy. */
async function toPolicyLoad(text, path, readBase, access = base_policy/* actionAccess */.V) {
    if (text === null)
        return { ok: true, policy: defaultPolicy() };
    return resolvePolicy(text, path, { readBase, access });
}
function isGated(policy, baseRef, defaultBranch) {
    return picomatch_default()(policy.gate.branches ?? [defaultBranch])(baseRef);
}
/** The pure step: the parsed description, the policy and the facts read for it, judged. */
function judge(doc, load, policyPath, context, facts) {
    if (!load.ok || doc === null)
        return policyErrorReport(load.ok ? [] : load.errors, policyPath);
    return evaluate(doc, load.policy, {
        ...context,
        changedPaths: facts?.changedPaths ?? context.changedPaths,
        changedPathsCapped: facts?.changedPathsCapped ?? false,
        evidence: facts?.evidence ?? null,
        signoffs: facts?.signoffs ?? null,
    });
}
function outcomeOf(report, checkName, load) {
    // Offered to paste when no checklist was found; the default policy names no items to offer.
    const template = load.ok && load.policy.items.length > 0 ? renderTemplate(load.policy) : null;
    return {
        result: report.conclusion,
        report,
        markdown: renderMarkdown(report, { title: checkName, template }),
        missing: missingOf(report),
        description: report.summary,
    };
}
function verdictOf(report, sha, markdown) {
    const state = report.passed ? 'success' : report.conclusion === 'error' ? 'error' : 'failure';
    return { sha, state, description: report.summary, markdown };
}
function skipped(description) {
    return {
        result: 'skip',
        report: null,
        markdown: `### checklist-gate\n\n${description}\n`,
        missing: [],
        description,
    };
}

;// CONCATENATED MODULE: ./src/github/changed-files.ts
/** GitHub lists at most this many files of a pull request. */
const CHANGED_FILES_CAP = 3000;
/** Paths the pull request changes (renamed files under both names), and whether GitHub's list was cut short. */
async function listChangedFiles(client, repository, number) {
    const files = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
        ...repository,
        pull_number: number,
        per_page: 100,
    });
    const paths = files.flatMap((file) => file.previous_filename ? [file.filename, file.previous_filename] : [file.filename]);
    return { paths, capped: files.length >= CHANGED_FILES_CAP };
}

// EXTERNAL MODULE: ./src/github/repository.ts
var github_repository = __webpack_require__(651);
;// CONCATENATED MODULE: ./src/github/linked-facts.ts

/**
 * An id as the path segment it is: octokit's types ask for a number, but Number() would round a
 * 64-bit id beyond 2^53 into another one, so the exact digits are passed through.
 */
const exactId = (digits) => digits;
/** Asks the API about one linked run, job, pull request, issue, commit, check run or release. */
async function fetchLinkFacts(client, link) {
    const repository = { owner: link.owner, repo: link.repo };
    try {
        switch (link.kind) {
            case 'run': {
                const { data } = link.attempt === null
                    ? await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
                        ...repository,
                        run_id: exactId(link.runId),
                    })
                    : await client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}', {
                        ...repository,
                        run_id: exactId(link.runId),
                        attempt_number: exactId(link.attempt),
                    });
                return {
                    found: true,
                    kind: 'run',
                    status: data.status ?? 'unknown',
                    conclusion: data.conclusion ?? null,
                    headSha: data.head_sha,
                };
            }
            case 'job': {
                const { data } = await client.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}', {
                    ...repository,
                    job_id: exactId(link.jobId),
                });
                return {
                    found: true,
                    kind: 'job',
                    status: data.status,
                    conclusion: data.conclusion ?? null,
                    headSha: data.head_sha,
                };
            }
            case 'check-run': {
                const { data } = await client.request('GET /repos/{owner}/{repo}/check-runs/{check_run_id}', {
                    ...repository,
                    check_run_id: exactId(link.checkRunId),
                });
                return {
                    found: true,
                    kind: 'check-run',
                    status: data.status,
                    conclusion: data.conclusion ?? null,
                    headSha: data.head_sha,
                };
            }
            case 'pull': {
                const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
                    ...repository,
                    pull_number: exactId(link.number),
                });
                return { found: true, kind: 'pull', merged: data.merged === true, state: data.state };
            }
            case 'issue': {
                const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}', {
                    ...repository,
                    issue_number: exactId(link.number),
                });
                return {
                    found: true,
                    kind: 'issue',
                    state: data.state,
                    stateReason: data.state_reason ?? null,
                    pullRequestMerged: data.pull_request ? Boolean(data.pull_request.merged_at) : null,
                };
            }
            case 'commit':
                await client.request('GET /repos/{owner}/{repo}/commits/{ref}', { ...repository, ref: link.sha });
                return { found: true, kind: 'commit' };
            case 'release': {
                const { data } = await client.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
                    ...repository,
                    tag: link.tag,
                });
                return { found: true, kind: 'release', draft: data.draft };
            }
        }
    }
    catch (error) {
        // A private repository answers 404 to a token that cannot see it, so 404 is "not found or not readable".
        if ((0,github_repository/* isNotFound */.c)(error))
            return { found: false, reason: 'not-found', detail: 'not found' };
        if ((0,github_repository/* isForbidden */.U)(error))
            return { found: false, reason: 'unreadable', detail: 'forbidden' };
        // Other answers about the link itself (410 deleted, 422 no such commit) refuse this item only;
        // server errors and rate limits, already retried, fail the run.
        const status = error.status ?? 0;
        if (status >= 400 && status < 500 && status !== 429) {
            return {
                found: false,
                reason: 'failed',
                detail: `GitHub answered ${status}: ${error.message}`,
            };
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/github/edit-history.ts
/** How many of the latest revisions are read: enough for any release checklist's life. */
const REVISIONS = 100;
const QUERY = `query ($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      author { login }
      body
      userContentEdits(last: ${REVISIONS}) {
        pageInfo { hasPreviousPage }
        nodes { editedAt deletedAt editor { login } diff }
      }
    }
  }
}`;
/**
 * The pull request description's revisions, oldest first, each the whole body after an edit and
 * who made it (GraphQL `userContentEdits`; a description never edited is one revision by its
 * author). A revision deleted from the history has a null body, and so does one standing for the
 * revisions before the latest 100 when there are more: no tick is credited across what is not
 * known. Null when the history cannot be read: sign-offs then rest on reviews alone.
 */
async function descriptionHistory(client, repository, number) {
    let answer;
    try {
        answer = await client.graphql(QUERY, { ...repository, number });
    }
    catch {
        return null;
    }
    const pull = answer.repository?.pullRequest;
    if (!pull)
        return null;
    const { nodes, pageInfo } = pull.userContentEdits;
    if (nodes.length === 0)
        return [{ editor: pull.author?.login ?? '', body: pull.body }];
    const revisions = [...nodes]
        .sort((a, b) => a.editedAt.localeCompare(b.editedAt))
        .map((node) => ({
        editor: node.editor?.login ?? '',
        body: node.deletedAt === null ? node.diff : null,
    }));
    // Without the page information, the history is taken to go back further than it shows.
    const earlier = pageInfo?.hasPreviousPage !== false;
    return earlier ? [{ editor: '', body: null }, ...revisions] : revisions;
}

;// CONCATENATED MODULE: ./src/github/reviews.ts
/** Logins (lower case) whose latest decisive review approves the pull request at its current head commit. */
async function approversOfHead(client, repository, number, headSha) {
    const reviews = await client.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
        ...repository,
        pull_number: number,
        per_page: 100,
    });
    // A later "changes requested" or dismissal replaces an approval; comments do not.
    const latest = new Map();
    for (const review of reviews) {
        const login = review.user?.login?.toLowerCase();
        if (!login || review.state === 'COMMENTED' || review.state === 'PENDING')
            continue;
        latest.set(login, { state: review.state, commit: review.commit_id ?? null });
    }
    return [...latest]
        .filter(([, review]) => review.state === 'APPROVED' && review.commit === headSha)
        .map(([login]) => login);
}

;// CONCATENATED MODULE: ./src/github/team-members.ts

/** The members (lower case) of an org/team, or why they could not be read. */
async function teamMembers(client, team) {
    const [org = '', slug = ''] = team.split('/');
    try {
        const members = await client.paginate('GET /orgs/{org}/teams/{team_slug}/members', {
            org,
            team_slug: slug,
            per_page: 100,
        });
        return { members: members.map((member) => member.login.toLowerCase()) };
    }
    catch (error) {
        if ((0,github_repository/* isNotFound */.c)(error) || (0,github_repository/* isForbidden */.U)(error)) {
            return {
                error: `cannot read the members of ${team}: the token needs the organization permission "Members: read" ` +
                    '(a GitHub App or a fine-grained token; the workflow token cannot read teams), or the team does not exist',
            };
        }
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/action/gather-facts.ts





/** Fetches, all at once, only what the policy needs: each distinct link once, files, reviews and teams. */
async function gatherFacts(client, needed, about) {
    const { repository, pullNumber, commit } = about;
    const [links, files, approvedBy, teams, history] = await Promise.all([
        Promise.all(needed.links.map(async (link) => [
            link.key,
            await fetchLinkFacts(client, link),
        ])),
        needed.changedFiles && pullNumber !== null
            ? listChangedFiles(client, repository, pullNumber)
            : Promise.resolve(null),
        needed.reviews && pullNumber !== null && commit !== null
            ? approversOfHead(client, repository, pullNumber, commit)
            : Promise.resolve([]),
        Promise.all(needed.teams.map(async (team) => [team, await teamMembers(client, team)])),
        needed.reviews && pullNumber !== null
            ? descriptionHistory(client, repository, pullNumber)
            : Promise.resolve(null),
    ]);
    return {
        evidence: {
            host: about.host,
            commit,
            repository: `${repository.owner}/${repository.repo}`,
            links: new Map(links),
            maxLinks: about.maxLinks,
        },
        signoffs: { approvedBy, teams: new Map(teams), edit: about.edit, history },
        changedPaths: files?.paths ?? null,
        changedPathsCapped: files?.capped ?? false,
    };
}

;// CONCATENATED MODULE: ./src/action/body-flow.ts




/** A given text (workflow_dispatch): evaluated against the default branch's policy, nothing posted. */
async function gateBody(client, target, settings, policies) {
    const load = await toPolicyLoad(await policies(target.defaultBranch), settings.policyPath, settings.readBase);
    const context = {
        event: 'pull_request',
        baseBranch: target.defaultBranch,
        labels: [],
        changedPaths: null,
    };
    const doc = load.ok ? parseChecklist(target.body) : null;
    const facts = doc && load.ok
        ? await gatherFacts(client, factsNeeded(doc, load.policy, settings.serverHost, context), {
            repository: target.repository,
            host: settings.serverHost,
            commit: null,
            pullNumber: null,
            edit: null,
            maxLinks: load.policy.verification.maxLinks,
        })
        : null;
    return outcomeOf(judge(doc, load, settings.policyPath, context, facts), settings.checkName, load);
}

// EXTERNAL MODULE: ./src/action/identity.ts + 1 modules
var action_identity = __webpack_require__(3791);
// EXTERNAL MODULE: ./src/action/policy-reader.ts + 1 modules
var policy_reader = __webpack_require__(2219);
;// CONCATENATED MODULE: ./src/github/pull-requests.ts
async function getPullRequest(client, repository, number) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
        ...repository,
        pull_number: number,
    });
    return toPullRequest(data);
}
/** The fields the gate uses, from a pull request as the API returns it alone or in a list. */
function toPullRequest(data) {
    return {
        number: data.number,
        state: data.state === 'closed' ? 'closed' : 'open',
        body: data.body ?? '',
        baseRef: data.base.ref,
        headSha: data.head.sha,
        labels: data.labels.map((label) => label.name ?? '').filter((name) => name !== ''),
        updatedAt: data.updated_at,
        htmlUrl: data.html_url,
    };
}

;// CONCATENATED MODULE: ./src/github/check-runs.ts

/** GitHub's limit on a check run's summary. */
const CHECK_SUMMARY_LIMIT = 65535;
async function createCheckRun(client, repository, run) {
    await client.request('POST /repos/{owner}/{repo}/check-runs', {
        ...repository,
        name: run.name,
        head_sha: run.sha,
        status: 'completed',
        conclusion: run.conclusion,
        ...(run.detailsUrl !== null && { details_url: run.detailsUrl }),
        output: { title: run.title.slice(0, 255), summary: (0,safe_text/* truncate */.xv)(run.summary, CHECK_SUMMARY_LIMIT) },
    });
}

;// CONCATENATED MODULE: ./src/github/commit-status.ts
/** GitHub's limit on a status description. */
const STATUS_DESCRIPTION_LIMIT = 140;
async function createCommitStatus(client, repository, status) {
    const description = status.description.length > STATUS_DESCRIPTION_LIMIT
        ? `${status.description.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`
        : status.description;
    await client.request('POST /repos/{owner}/{repo}/statuses/{sha}', {
        ...repository,
        sha: status.sha,
        state: status.state,
        context: status.context,
        description,
        ...(status.targetUrl !== null && { target_url: status.targetUrl }),
    });
}

;// CONCATENATED MODULE: ./src/action/publish.ts



/** A write the token may not make: collected into one warning instead of failing the run. */
class PermissionProblems {
    missing = new Set();
    /** Runs a write; a 403 records the permission it needs, any other error is thrown. */
    async attempt(permission, write) {
        try {
            await write();
        }
        catch (error) {
            if (!(0,github_repository/* isForbidden */.U)(error))
                throw error;
            this.missing.add(permission);
        }
    }
    warning() {
        if (this.missing.size === 0)
            return null;
        const list = [...this.missing].join(', ');
        return (`The token may not write here (missing ${list}), so the verdict is only in this job's result and summary. ` +
            `Give the workflow \`permissions:\` ${list}. A pull request from a fork gets a read-only token under ` +
            "`pull_request`: run the gate on `pull_request_target` instead, which is safe because it never checks out or runs the pull request's code.");
    }
}
/**
 * Runs writes that a read-only token may refuse, then warns once about every permission missing.
 * Every path that writes goes through here, so no refusal passes without its warning.
 */
async function writeWithPermissions(log, writes) {
    const problems = new PermissionProblems();
    await writes(problems);
    const warning = problems.warning();
    if (warning)
        log.warning(warning);
}
/** Posts the verdict as a commit status, a check run, or both. */
async function publishVerdict(client, repository, verdict, settings, problems) {
    const writes = [];
    if (settings.reportAs !== 'check-run') {
        writes.push(problems.attempt('statuses: write', () => createCommitStatus(client, repository, {
            sha: verdict.sha,
            state: verdict.state,
            context: settings.checkName,
            description: verdict.description,
            targetUrl: settings.runUrl,
        })));
    }
    if (settings.reportAs !== 'status') {
        writes.push(problems.attempt('checks: write', () => createCheckRun(client, repository, {
            sha: verdict.sha,
            name: settings.checkName,
            conclusion: verdict.state === 'success' ? 'success' : 'failure',
            title: verdict.description,
            summary: verdict.markdown,
            detailsUrl: settings.runUrl,
        })));
    }
    await Promise.all(writes);
}

;// CONCATENATED MODULE: ./src/action/error-status.ts

/**
 * Runs an evaluation; if it throws, posts an `error` status where it can (on the commit known by
 * then, `status.sha`) before passing the error on, so that a required check never stays green.
 */
async function withErrorStatus(client, repository, status, settings, work) {
    try {
        return await work();
    }
    catch (error) {
        if (status.sha !== null) {
            const description = `checklist-gate could not finish: ${error.message}`;
            await publishVerdict(client, repository, { sha: status.sha, state: 'error', description, markdown: description }, settings, new PermissionProblems()).catch(() => undefined);
        }
        throw error;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/action/newest-facts.ts

function factsRead(pr, approvers) {
    const hash = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([pr.headSha, [...pr.labels].sort(), approvers ? [...approvers].sort() : null, pr.body]))
        .digest('hex')
        .slice(0, 24);
    return { evaluated: pr.updatedAt, facts: hash };
}
function sameFacts(a, b) {
    return a.evaluated === b.evaluated && a.facts === b.facts;
}
/**
 * How this run's facts stand against the stamp in the gate's comment. `ours` when the stamp is
 * older or the same; `ask` when it may be newer (a later time, or the same second with other
 * facts): only a fresh read can tell which run saw the pull request as it is now.
 */
function compareStamp(stamp, mine) {
    if (stamp === null)
        return 'ours';
    if (stamp.evaluated < mine.evaluated)
        return 'ours';
    if (stamp.evaluated === mine.evaluated && stamp.facts === mine.facts)
        return 'ours';
    return 'ask';
}
/**
 * Decides with a fresh read of the pull request: this run's verdict stands when its facts are
 * the current ones, or when the stamp claims facts newer than the pull request is now (a forged
 * or mistaken stamp is ignored); the stamp's verdict stands when its facts are current; and when
 * neither is current, the pull request moved again and is evaluated again.
 */
function settleWithFresh(stamp, mine, fresh) {
    if (stamp.evaluated > fresh.evaluated)
        return 'forged';
    if (sameFacts(fresh, mine))
        return 'write';
    if (fresh.evaluated === stamp.evaluated && fresh.facts === stamp.facts)
        return 'theirs';
    return 'again';
}

;// CONCATENATED MODULE: ./src/action/posted-verdicts.ts


/** Verdicts with the gate's context on the commit that the gate did not post: any workflow can post a status. */
function foreignVerdicts(posted, identity) {
    return posted.filter((verdict) => !(0,action_identity/* isGateAuthor */.jH)(identity, authorOf(verdict)));
}
function foreignNotice(verdict, sha, checkName) {
    const who = verdict.author ? `@${verdict.author}` : 'an unknown author';
    return `A \`${checkName}\` ${verdict.kind} on ${sha.slice(0, 7)} was posted by ${who}, not by the gate. It was replaced.`;
}
/**
 * Whether the latest status and check run on the commit are already the gate's, saying this
 * verdict: a sweep then writes nothing. A foreign one, or none, means the verdict is posted.
 */
function alreadyPosted(posted, verdict, identity, settings) {
    const same = (kind, state, description) => posted.some((candidate) => candidate.kind === kind &&
        (0,action_identity/* isGateAuthor */.jH)(identity, authorOf(candidate)) &&
        candidate.state === state &&
        candidate.description === description);
    const statusOk = settings.reportAs === 'check-run' || same('status', verdict.state, shortDescription(verdict.description));
    const checkOk = settings.reportAs === 'status' ||
        same('check run', verdict.state === 'success' ? 'success' : 'failure', verdict.description.slice(0, 255));
    return statusOk && checkOk;
}
function shortDescription(description) {
    return description.length > STATUS_DESCRIPTION_LIMIT
        ? `${description.slice(0, STATUS_DESCRIPTION_LIMIT - 1)}…`
        : description;
}
function authorOf(verdict) {
    return { login: verdict.author, isBot: verdict.authorIsBot };
}

;// CONCATENATED MODULE: ./src/github/comments.ts
const PAGE_SIZE = 100;
/** Every comment on a pull request, all pages. */
async function listComments(client, repository, number) {
    const comments = await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repository,
        issue_number: number,
        per_page: PAGE_SIZE,
    });
    return comments.map((comment) => ({
        id: comment.id,
        body: comment.body ?? '',
        authorLogin: comment.user?.login ?? '',
        authorIsBot: comment.user?.type === 'Bot',
    }));
}
async function createComment(client, repository, number, body) {
    const { data } = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repository,
        issue_number: number,
        body,
    });
    return Number(data.id);
}
async function updateComment(client, repository, id, body) {
    await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        ...repository,
        comment_id: id,
        body,
    });
}
async function deleteComment(client, repository, id) {
    await client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        ...repository,
        comment_id: id,
    });
}

;// CONCATENATED MODULE: ./src/github/head-verdicts.ts
/** The latest commit status with this context on the commit (GitHub lists them newest first), or null. */
async function latestStatus(client, repository, ref, context) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/statuses', {
        ...repository,
        ref,
        per_page: 100,
    });
    const status = data.find((candidate) => candidate.context === context);
    return status
        ? {
            kind: 'status',
            state: status.state,
            description: status.description ?? '',
            author: status.creator?.login ?? '',
            authorIsBot: status.creator?.type === 'Bot',
        }
        : null;
}
/** The latest check run with this name on the commit, or null. */
async function latestCheckRun(client, repository, ref, name) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
        ...repository,
        ref,
        check_name: name,
        filter: 'latest',
        per_page: 100,
    });
    const run = [...data.check_runs].sort((a, b) => Number(b.id) - Number(a.id))[0];
    return run
        ? {
            kind: 'check run',
            state: run.conclusion ?? run.status,
            description: run.output?.title ?? '',
            author: run.app?.slug ? `${run.app.slug}[bot]` : '',
            authorIsBot: true,
        }
        : null;
}

;// CONCATENATED MODULE: ./src/github/pull-request-list.ts

const pull_request_list_PAGE_SIZE = 100;
/**
 * Open pull requests, most recently updated first, page by page until `enough` (given each new
 * page) says stop; `complete` is false when pages may be left unread.
 */
async function listOpenPullRequests(client, repository, base, enough) {
    const pulls = [];
    let complete = true;
    for await (const page of client.paginate.iterator('GET /repos/{owner}/{repo}/pulls', {
        ...repository,
        state: 'open',
        sort: 'updated',
        direction: 'desc',
        per_page: pull_request_list_PAGE_SIZE,
        ...(base !== null && { base }),
    })) {
        const listed = page.data.map(toPullRequest);
        pulls.push(...listed);
        if (await enough(listed)) {
            complete = page.data.length < pull_request_list_PAGE_SIZE && !page.headers.link?.includes('rel="next"');
            break;
        }
    }
    return { pulls, complete };
}
/** The pull requests whose head (or merge) is this commit, open or closed, as GitHub associates them. */
async function pullRequestsOfCommit(client, repository, sha) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
        ...repository,
        commit_sha: sha,
        per_page: pull_request_list_PAGE_SIZE,
    });
    return data.map(toPullRequest);
}

;// CONCATENATED MODULE: ./src/action/sticky-comment.ts



/** GitHub's limit on a comment body. */
const COMMENT_LIMIT = 65536;
function commentMarker(checkName) {
    return `<!-- checklist-gate:${checkName} -->`;
}
const STAMP = /<!-- checklist-gate-verdict: (\{.*?\}) -->/;
/**
 * The gate's own comments: the marker, written by the identity the gate posts as. A person, or
 * another app that echoes the marker, is not mistaken for it.
 */
function gateComments(comments, checkName, identity) {
    const marker = commentMarker(checkName);
    return comments
        .filter((comment) => (0,action_identity/* isGateAuthor */.jH)(identity, { login: comment.authorLogin, isBot: comment.authorIsBot }) &&
        comment.body.includes(marker))
        .sort((a, b) => a.id - b.id);
}
function stampOf(comment) {
    const json = STAMP.exec(comment.body)?.[1];
    if (!json)
        return null;
    try {
        const stamp = JSON.parse(json);
        return typeof stamp.evaluated === 'string' &&
            typeof stamp.state === 'string' &&
            typeof stamp.description === 'string'
            ? stamp
            : null;
    }
    catch {
        return null;
    }
}
function commentBody(checkName, stamp, markdown) {
    // "-" is escaped so that no "--" can end the hidden comment early.
    const json = JSON.stringify(stamp).replace(/-/g, '\\u002d');
    const head = `${commentMarker(checkName)}\n<!-- checklist-gate-verdict: ${json} -->\n`;
    return head + (0,safe_text/* truncate */.xv)(markdown, COMMENT_LIMIT - head.length);
}
/**
 * Keeps one living comment: updates the oldest of the gate's comments in place, or creates one.
 * After creating, it settles with runs that created one at the same time: the oldest comment is
 * kept, it shows the body `pick` chooses among them (the verdict on the newest facts), and the
 * others are removed.
 */
async function syncComment(client, repository, number, existing, body, author, pick) {
    if (existing) {
        if (existing.body === body)
            return { action: 'unchanged', kept: null };
        await updateComment(client, repository, existing.id, body);
        return { action: 'updated', kept: null };
    }
    const created = await createComment(client, repository, number, body);
    const listed = await listComments(client, repository, number);
    // The comment just created is the gate's whoever GitHub says wrote it.
    const ours = listed
        .filter((comment) => comment.id === created || gateComments([comment], author.checkName, author.identity).length > 0)
        .sort((a, b) => a.id - b.id)
        .map((comment) => (comment.id === created ? { ...comment, body } : comment));
    const keep = ours[0];
    const mine = ours.find((comment) => comment.id === created);
    if (!keep || !mine)
        return { action: 'created', kept: null };
    const rivals = ours.filter((comment) => comment.id !== created);
    const winner = rivals.length === 0 ? mine : await pick(mine, rivals);
    if (winner.body !== keep.body)
        await updateComment(client, repository, keep.id, winner.body);
    await Promise.all(ours
        .filter((comment) => comment.id !== keep.id)
        .map((comment) => deleteComment(client, repository, comment.id)));
    return { action: 'created', kept: winner };
}

;// CONCATENATED MODULE: ./src/action/read-pull-request.ts









/**
 * Reads a pull request's evaluation in one concurrent round (the pull request, the policy at its
 * base, its comments, the commit's pull requests and posted verdicts, the gate's identity), then,
 * only when the policy asks, the facts behind its items (evidence, files, reviews, edit history,
 * teams). Takes the client, so the CLI can evaluate exactly as the action does, without posting.
 */
async function readPullRequest(client, request, settings, policies, identity) {
    const { repository } = request;
    const policyRef = request.listed?.baseRef ?? request.payloadBase ?? request.defaultBranch;
    const headGuess = request.statusSha ?? request.listed?.headSha ?? request.payloadHeadSha;
    const verdictOnly = request.verdictOnly === true;
    // A merge queue's commit is no pull request's head: nothing shares it.
    const sharing = (sha) => request.statusSha !== null || verdictOnly
        ? Promise.resolve([])
        : request.openPulls
            ? Promise.resolve(request.openPulls)
            : pullRequestsOfCommit(client, repository, sha);
    const [pr, policyAtGuess, comments, who, sharedGuess, postedGuess] = await Promise.all([
        request.listed ? Promise.resolve(request.listed) : getPullRequest(client, repository, request.number),
        policies(policyRef),
        settings.comment === 'never' || verdictOnly
            ? Promise.resolve([])
            : listComments(client, repository, request.number),
        identity,
        headGuess !== null ? sharing(headGuess) : Promise.resolve(null),
        headGuess !== null && !verdictOnly
            ? postedVerdicts(client, repository, headGuess, settings)
            : Promise.resolve(null),
    ]);
    const statusSha = request.statusSha ?? pr.headSha;
    // The payload can be stale (a re-run replays it): the policy comes from the base branch as it is
    // now, and the commit's listings from the head as it is now.
    const headMoved = headGuess !== pr.headSha;
    const [policyText, shared, posted] = await Promise.all([
        pr.baseRef === policyRef ? policyAtGuess : policies(pr.baseRef),
        sharedGuess !== null && !headMoved ? sharedGuess : sharing(pr.headSha),
        verdictOnly
            ? Promise.resolve([])
            : postedGuess !== null && headGuess === statusSha
                ? postedGuess
                : postedVerdicts(client, repository, statusSha, settings),
    ]);
    const load = await toPolicyLoad(policyText, settings.policyPath, settings.readBase, settings.baseAccess);
    const gated = !load.ok || isGated(load.policy, pr.baseRef, request.defaultBranch);
    const context = {
        event: 'pull_request',
        baseBranch: pr.baseRef,
        labels: pr.labels,
        changedPaths: null,
    };
    // An edit proves who ticked what only if nothing was edited after it.
    const edit = request.edit && request.edit.body === pr.body ? request.edit : null;
    let doc = null;
    let facts = null;
    let readsReviews = false;
    if (gated && load.ok) {
        doc = parseChecklist(pr.body);
        const needed = factsNeeded(doc, load.policy, settings.serverHost, context);
        readsReviews = needed.reviews;
        facts = await gatherFacts(client, needed, {
            repository,
            host: settings.serverHost,
            commit: pr.headSha,
            pullNumber: pr.number,
            edit,
            maxLinks: load.policy.verification.maxLinks,
        });
    }
    return {
        pr,
        statusSha,
        load,
        gated,
        identity: who,
        ownComments: gateComments(comments, settings.checkName, who),
        sharingHead: shared.filter((other) => other.number !== pr.number && other.state === 'open' && other.headSha === pr.headSha),
        posted,
        doc,
        facts,
        readsReviews,
        context,
        edit,
    };
}
/** The latest status and/or check run with the gate's context, as the gate reports (one request each). */
async function postedVerdicts(client, repository, sha, settings) {
    const [status, checkRun] = await Promise.all([
        settings.reportAs !== 'check-run'
            ? latestStatus(client, repository, sha, settings.checkName)
            : Promise.resolve(null),
        settings.reportAs !== 'status'
            ? latestCheckRun(client, repository, sha, settings.checkName)
            : Promise.resolve(null),
    ]);
    return [status, checkRun].filter((verdict) => verdict !== null);
}

;// CONCATENATED MODULE: ./src/action/shared-commit.ts
const RANK = { error: 3, failure: 2, success: 1 };
/**
 * A status belongs to the commit, not the pull request: the verdict posted is the strictest over
 * every open pull request whose head it is. "Not gated" is the weakest of all, so it never
 * overwrites a gated pull request's verdict on the same commit.
 */
function strictest(own, others) {
    const rank = (entry) => RANK[entry.verdict.state] * 2 + (entry.gated ? 1 : 0);
    return others.reduce((best, other) => (rank(other) > rank(best) ? other : best), own);
}

;// CONCATENATED MODULE: ./src/action/pull-request-flow.ts










/** A run slower than this between reading and writing, or in writing, reads the pull request again. */
const SLOW_RUN_MS = 2000;
const MAX_ATTEMPTS = 3;
/** Returned by an attempt that found the pull request changed under it. */
const RESTART = Symbol('restart');
/** Evaluates one pull request and reports on it: one round of reads, then one round of writes. */
async function gatePullRequest(client, request, settings, log, run) {
    const status = { sha: request.statusSha ?? request.listed?.headSha ?? request.payloadHeadSha };
    return withErrorStatus(client, request.repository, status, settings, async () => {
        let current = request;
        for (let attempt = 1;; attempt++) {
            const outcome = await attemptPullRequest(client, current, settings, log, run, status, attempt);
            if (outcome !== RESTART)
                return outcome;
            // Evaluated again from a fresh read, not from the sweep's listing.
            current = { ...current, listed: undefined };
        }
    });
}
async function attemptPullRequest(client, request, settings, log, run, status, attempt) {
    const mayRestart = attempt < MAX_ATTEMPTS;
    const readAt = Date.now();
    const reading = await readPullRequest(client, request, settings, run.policies, run.identity);
    const { pr, identity } = reading;
    if (pr.state === 'closed')
        return skipped(`Pull request #${pr.number} is closed; it is not evaluated.`);
    status.sha = reading.statusSha;
    const own = verdictFor(reading, settings);
    // A status belongs to the commit: other open pull requests with this head have their say.
    const others = await Promise.all(reading.sharingHead.map(async (other) => verdictFor(await readPullRequest(client, {
        repository: request.repository,
        number: other.number,
        defaultBranch: request.defaultBranch,
        payloadBase: other.baseRef,
        payloadHeadSha: other.headSha,
        statusSha: null,
        edit: null,
        listed: other,
        openPulls: [],
    }, { ...settings, comment: 'never' }, run.policies, run.identity), settings)));
    const posting = strictest(own, others);
    const notes = [];
    let verdict = { ...posting.verdict, sha: reading.statusSha };
    if (posting.number !== pr.number) {
        verdict = { ...verdict, description: `#${posting.number}: ${posting.verdict.description}` };
        notes.push(`The \`${settings.checkName}\` status on ${reading.statusSha.slice(0, 7)} shows #${posting.number}'s verdict: ` +
            'that pull request has the same head commit, and a status belongs to the commit, so the strictest verdict of its open pull requests is posted.');
    }
    for (const foreign of foreignVerdicts(reading.posted, identity)) {
        const notice = foreignNotice(foreign, reading.statusSha, settings.checkName);
        notes.push(notice);
        log.warning(notice);
    }
    const outcome = {
        ...own.outcome,
        markdown: notes.length === 0 ? own.outcome.markdown : `${own.outcome.markdown}\n${notes.join('\n\n')}\n`,
    };
    const existing = reading.ownComments[0] ?? null;
    const stamp = existing ? stampOf(existing) : null;
    const mine = factsRead(pr, reading.readsReviews ? (reading.facts?.signoffs.approvedBy ?? []) : null);
    const freshFacts = () => readFacts(client, request.repository, reading);
    let checked = false;
    if (compareStamp(stamp, mine) === 'ask' && stamp !== null) {
        // The comment may carry a verdict on newer facts: a fresh read decides whose verdict stands.
        checked = true;
        const fresh = await freshFacts();
        switch (settleWithFresh(stamp, mine, fresh)) {
            case 'theirs':
                log.info(`A run that read newer facts (${stamp.evaluated}) has already reported; this run (${mine.evaluated}) writes nothing.`);
                return outcome;
            case 'again':
                if (mayRestart) {
                    log.info(`The pull request changed while this run evaluated it (${fresh.evaluated}); evaluating again.`);
                    return RESTART;
                }
                break;
            case 'forged':
                log.warning(`The gate's comment claims facts from ${stamp.evaluated}, newer than the pull request as read now (${fresh.evaluated}); the claim is ignored and this run's verdict is posted.`);
                break;
            case 'write':
                break;
        }
    }
    if (!checked && mayRestart && Date.now() - readAt > SLOW_RUN_MS && (await moved(freshFacts, mine, log)))
        return RESTART;
    const writeComment = own.gated &&
        (settings.comment === 'always' ||
            (settings.comment === 'on-failure' && (!own.passed || existing !== null)));
    const writeStatus = !(run.sweep &&
        notes.length === 0 &&
        alreadyPosted(reading.posted, verdict, identity, settings));
    let movedMeanwhile = false;
    // Runs that created a comment at the same time: the one on the newest facts is kept.
    const pick = async (mineComment, rivals) => {
        const rival = rivals
            .map((comment) => ({ comment, stamp: stampOf(comment) }))
            .filter((entry) => entry.stamp !== null && compareStamp(entry.stamp, mine) === 'ask')
            .sort((a, b) => ((b.stamp?.evaluated ?? '') > (a.stamp?.evaluated ?? '') ? 1 : -1))[0];
        if (!rival?.stamp)
            return mineComment;
        const fresh = await freshFacts();
        const decision = settleWithFresh(rival.stamp, mine, fresh);
        if (decision === 'again') {
            log.info(`The pull request changed while this run evaluated it (${fresh.evaluated}); evaluating again.`);
            movedMeanwhile = true;
        }
        return decision === 'theirs' ? rival.comment : mineComment;
    };
    await writeWithPermissions(log, (problems) => Promise.all([
        writeStatus
            ? publishVerdict(client, request.repository, verdict, settings, problems)
            : Promise.resolve(),
        writeComment
            ? problems.attempt('pull-requests: write', async () => {
                const newStamp = { ...mine, state: verdict.state, description: verdict.description };
                const body = commentBody(settings.checkName, newStamp, outcome.markdown);
                const sync = await syncComment(client, request.repository, pr.number, existing, body, { checkName: settings.checkName, identity }, pick);
                log.info(`Report comment: ${sync.action}.`);
                const kept = sync.kept ? stampOf(sync.kept) : null;
                if (kept && sync.kept?.body !== body) {
                    // A concurrent run judged newer facts: the status must show its verdict, not this one.
                    log.info(`A concurrent run judged newer facts (${kept.evaluated}); its verdict stands.`);
                    await publishVerdict(client, request.repository, { ...verdict, state: kept.state, description: kept.description }, settings, problems);
                }
            })
            : Promise.resolve(),
    ]));
    // A run held up (retries, a slow network) may write after a newer run: if the pull request
    // changed meanwhile, this run evaluates again, so that the last verdict written is the newest.
    if (mayRestart &&
        (movedMeanwhile || (Date.now() - readAt > SLOW_RUN_MS && (await moved(freshFacts, mine, log)))))
        return RESTART;
    return outcome;
}
/** One pull request's own verdict for its head commit, gated or not. */
function verdictFor(reading, settings) {
    const { pr } = reading;
    if (!reading.gated) {
        const description = `Not gated: the policy does not gate the base branch ${pr.baseRef}`;
        const outcome = skipped(description);
        return {
            number: pr.number,
            gated: false,
            passed: true,
            outcome,
            verdict: { sha: reading.statusSha, state: 'success', description, markdown: outcome.markdown },
        };
    }
    const report = judge(reading.doc, reading.load, settings.policyPath, reading.context, reading.facts);
    const outcome = outcomeOf(report, settings.checkName, reading.load);
    return {
        number: pr.number,
        gated: true,
        passed: report.passed,
        outcome,
        verdict: verdictOf(report, reading.statusSha, outcome.markdown),
    };
}
/** The pull request's facts as they are now: one request, two when the verdict depends on reviews. */
async function readFacts(client, repository, reading) {
    const { number, headSha } = reading.pr;
    const [fresh, approvers] = await Promise.all([
        getPullRequest(client, repository, number),
        reading.readsReviews ? approversOfHead(client, repository, number, headSha) : Promise.resolve(null),
    ]);
    return factsRead(fresh, approvers);
}
async function moved(fresh, mine, log) {
    const now = await fresh();
    if (sameFacts(now, mine))
        return false;
    log.info(`The pull request changed while this run evaluated it (${now.evaluated}); evaluating again.`);
    return true;
}

;// CONCATENATED MODULE: ./src/github/releases.ts
async function getRelease(client, repository, id) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/releases/{release_id}', {
        ...repository,
        release_id: id,
    });
    return {
        id: data.id,
        tagName: data.tag_name,
        body: data.body ?? '',
        draft: data.draft,
        updatedAt: data.updated_at ?? data.created_at,
    };
}
/** A published release by its tag, as the CLI names it. */
async function getReleaseByTag(client, repository, tag) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/releases/tags/{tag}', {
        ...repository,
        tag,
    });
    return {
        id: data.id,
        tagName: data.tag_name,
        body: data.body ?? '',
        draft: data.draft,
        updatedAt: data.updated_at ?? data.created_at,
    };
}

;// CONCATENATED MODULE: ./src/action/read-release.ts





/**
 * Reads a release's evaluation: the release and the default branch's policy in one round, then,
 * only when the policy asks, the facts behind its items. Shared by the action and the CLI.
 */
async function readRelease(client, request, settings, policies) {
    const { repository } = request;
    const [release, policyText] = await Promise.all([
        'read' in request.release
            ? Promise.resolve(request.release.read)
            : getRelease(client, repository, request.release.id),
        policies(request.defaultBranch),
    ]);
    const load = await toPolicyLoad(policyText, settings.policyPath, settings.readBase, settings.baseAccess);
    const context = { event: 'release', baseBranch: null, labels: [], changedPaths: null };
    const gated = !load.ok || load.policy.gate.releases;
    if (!gated || !load.ok)
        return { release, load, gated, doc: null, facts: null, context };
    const doc = parseChecklist(release.body);
    const facts = await gatherFacts(client, factsNeeded(doc, load.policy, settings.serverHost, context), {
        repository,
        host: settings.serverHost,
        commit: request.sha,
        pullNumber: null,
        edit: null,
        maxLinks: load.policy.verification.maxLinks,
    });
    return { release, load, gated, doc, facts, context };
}

;// CONCATENATED MODULE: ./src/action/release-flow.ts






/** Evaluates a release's description against the default branch's policy and posts on its commit. */
async function gateRelease(client, target, settings, log, policies, gateIdentity) {
    const { repository } = target;
    return withErrorStatus(client, repository, { sha: target.sha }, settings, async () => {
        const [reading, identity, posted] = await Promise.all([
            readRelease(client, {
                repository,
                defaultBranch: target.defaultBranch,
                sha: target.sha,
                release: { id: target.releaseId },
            }, settings, policies),
            gateIdentity,
            postedVerdicts(client, repository, target.sha, settings),
        ]);
        // A verdict on the release commit that another identity posted is replaced, and said so.
        const notices = foreignVerdicts(posted, identity).map((foreign) => foreignNotice(foreign, target.sha, settings.checkName));
        for (const notice of notices)
            log.warning(notice);
        const noticed = (markdown) => notices.length === 0 ? markdown : `${markdown}\n${notices.join('\n\n')}\n`;
        const { load, doc, facts, context } = reading;
        if (!reading.gated) {
            const description = 'Not gated: the policy does not gate releases';
            const outcome = { ...skipped(description), markdown: noticed(skipped(description).markdown) };
            await writeWithPermissions(log, (problems) => publishVerdict(client, repository, { sha: target.sha, state: 'success', description, markdown: outcome.markdown }, settings, problems));
            return outcome;
        }
        const report = judge(doc, load, settings.policyPath, context, facts);
        const judged = outcomeOf(report, settings.checkName, load);
        const outcome = { ...judged, markdown: noticed(judged.markdown) };
        await writeWithPermissions(log, (problems) => publishVerdict(client, repository, verdictOf(report, target.sha, outcome.markdown), settings, problems));
        return outcome;
    });
}

;// CONCATENATED MODULE: ./src/action/sweep-flow.ts




/** Pull requests evaluated at once in a sweep: few enough to stay clear of secondary rate limits. */
const CONCURRENCY = 4;
/**
 * Evaluates many pull requests, each exactly as on its own `pull_request` event: every open one
 * into a gated branch (a schedule, a push to the base, a manual run), or those whose head is a
 * commit (a completed workflow run). The job fails only when an evaluation errors: the verdicts
 * live in each pull request's own status.
 */
async function gateSweep(client, target, settings, log, run) {
    const { repository, defaultBranch } = target;
    const gated = async (pull) => {
        const load = await toPolicyLoad(await run.policies(pull.baseRef), settings.policyPath, settings.readBase);
        // An invalid policy gates everything: its error is posted, never skipped.
        return !load.ok || isGated(load.policy, pull.baseRef, defaultBranch);
    };
    let candidates;
    let complete;
    let named = [];
    if (target.kind === 'commit' && target.numbers.length > 0) {
        named = target.numbers;
        candidates = [];
        complete = true;
    }
    else if (target.kind === 'commit') {
        const associated = await pullRequestsOfCommit(client, repository, target.sha);
        candidates = associated.filter((pull) => pull.state === 'open' && pull.headSha === target.sha);
        complete = true;
    }
    else {
        let gatedSeen = 0;
        const listing = await listOpenPullRequests(client, repository, target.base, async (page) => {
            for (const pull of page)
                if (await gated(pull))
                    gatedSeen++;
            return gatedSeen > settings.maxPulls;
        });
        candidates = listing.pulls;
        complete = listing.complete;
    }
    const selected = [];
    let notGated = 0;
    let leftOver = 0;
    for (const pull of candidates) {
        if (!(await gated(pull)))
            notGated++;
        else if (selected.length < settings.maxPulls)
            selected.push(pull);
        else
            leftOver++;
    }
    // Every open pull request is known when the listing was whole and unfiltered: shared heads are found in it.
    const openPulls = target.kind === 'sweep' && target.base === null && complete ? candidates : null;
    const requests = [
        ...named.slice(0, settings.maxPulls).map((number) => ({
            repository,
            number,
            defaultBranch,
            payloadBase: null,
            payloadHeadSha: target.kind === 'commit' ? target.sha : null,
            statusSha: null,
            edit: null,
        })),
        ...selected.map((pull) => ({
            repository,
            number: pull.number,
            defaultBranch,
            payloadBase: pull.baseRef,
            payloadHeadSha: pull.headSha,
            statusSha: null,
            edit: null,
            listed: pull,
            openPulls,
        })),
    ];
    leftOver += Math.max(0, named.length - settings.maxPulls);
    const rows = new Array(requests.length);
    let next = 0;
    const worker = async () => {
        while (next < requests.length) {
            const index = next++;
            const request = requests[index];
            const url = `https://github.com/${repository.owner}/${repository.repo}/pull/${request.number}`;
            try {
                const outcome = await gatePullRequest(client, request, settings, log, run);
                rows[index] = {
                    number: request.number,
                    url,
                    result: outcome.result,
                    description: outcome.description,
                };
            }
            catch (error) {
                const description = `could not be evaluated: ${error.message}`;
                log.warning(`#${request.number} ${description}`);
                rows[index] = { number: request.number, url, result: 'error', description };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, requests.length) }, worker));
    const skippedClosed = rows.filter((row) => row.result === 'skip' && row.description.includes('closed'));
    const done = rows.filter((row) => !skippedClosed.includes(row));
    const errors = done.filter((row) => row.result === 'error').length;
    const counts = [
        `${done.length} evaluated`,
        `${notGated} skipped (not into a gated branch)`,
        ...(skippedClosed.length > 0 ? [`${skippedClosed.length} skipped (closed)`] : []),
        `${leftOver}${complete ? '' : ' or more'} left for the next run (max-pulls ${settings.maxPulls})`,
    ].join(', ');
    const what = target.kind === 'commit'
        ? `pull requests whose head is ${target.sha.slice(0, 7)}`
        : `open pull requests (${target.reason})`;
    const description = `Swept ${what}: ${counts}`;
    const table = [
        '| Pull request | Verdict | Result |',
        '| --- | --- | --- |',
        ...done.map((row) => `| [#${row.number}](${row.url}) | ${row.result} | ${(0,safe_text/* safeInline */.H1)(row.description, 200).replace(/\|/g, '\\|')} |`),
    ];
    return {
        result: errors > 0 ? 'error' : done.every((row) => row.result !== 'fail') ? 'pass' : 'fail',
        report: null,
        markdown: `### ${(0,safe_text/* safeInline */.H1)(settings.checkName, 100)}: sweep\n\n${description}.\n\n${done.length > 0 ? table.join('\n') + '\n' : ''}`,
        missing: [],
        description: errors > 0 ? `${description}; ${errors} could not be evaluated` : description,
        results: Object.fromEntries(rows.map((row) => [String(row.number), row.result])),
        sweep: true,
    };
}

;// CONCATENATED MODULE: ./src/action/gate.ts







/** Evaluates what the event asks for and reports the verdicts: each flow in its own module. */
async function runGate(client, target, settings, log, early) {
    if (target.kind === 'nothing')
        return nothingToDo(target.description);
    const policies = early?.policies ?? (0,policy_reader/* policyReader */.C)(client, target.repository, settings.policyPath);
    const identity = () => early?.identity ?? (0,action_identity/* learnIdentity */.Xy)(client);
    switch (target.kind) {
        case 'body':
            return gateBody(client, target, settings, policies);
        case 'release':
            return gateRelease(client, target, settings, log, policies, identity());
        case 'pull_request': {
            // Asked alongside the first reads: whose comment, statuses and check runs are the gate's.
            const run = { policies, identity: identity(), sweep: false };
            const outcome = await gatePullRequest(client, target, settings, log, run);
            return { ...outcome, results: { [String(target.number)]: outcome.result } };
        }
        case 'sweep':
        case 'commit':
            return gateSweep(client, 
            // Which branches an unconfigured policy gates depends on the default branch: never guessed.
            {
                ...target,
                defaultBranch: target.defaultBranch ?? (await getDefaultBranch(client, target.repository)),
            }, settings, log, {
                policies,
                identity: identity(),
                sweep: true,
            });
    }
}
function nothingToDo(description) {
    return {
        result: 'skip',
        report: null,
        markdown: `### checklist-gate\n\n${description}\n`,
        missing: [],
        description,
        results: {},
    };
}


/***/ })

};
