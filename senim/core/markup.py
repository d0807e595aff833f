"""Safe Markdown for articles, course pages and internal documents: Markdown → HTML → sanitised by nh3 (Ammonia).

Raw HTML in the source is allowed through the Markdown parser on purpose, so that nh3 sees it and
removes what is unsafe (a <script> element disappears with its content, a javascript: link loses
its address) instead of showing the markup as text."""

import html

import nh3
from markdown_it import MarkdownIt

_ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del",
    "code", "pre", "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
    "img", "sup", "sub",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"align"}, "td": {"align"}}
_SCHEMES = {"http", "https", "mailto"}

_parser = MarkdownIt("commonmark", {"html": True, "linkify": False}).enable("table").enable("strikethrough")


def sanitise_html(html: str) -> str:
    """Keep only harmless tags, attributes and link schemes."""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def render(markdown: str) -> str:
    """The sanitised HTML of a Markdown text."""
    return sanitise_html(_parser.render(markdown or ""))


def plain_text(markdown: str) -> str:
    """The text of a Markdown source without markup (for search keys and snippets)."""
    return html.unescape(nh3.clean(_parser.render(markdown or ""), tags=set()))
