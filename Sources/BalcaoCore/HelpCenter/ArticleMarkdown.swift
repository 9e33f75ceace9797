import Ink

/// Help articles are written in Markdown; readers get HTML. Ink turns the Markdown into HTML — passing any raw HTML
/// an author typed straight through — so the result always goes through `HTMLSanitizer` (the allow-list used for
/// email): no scripts, no event handlers, no `javascript:` links, whoever wrote the article.
public enum ArticleMarkdown {
    public static func html(_ markdown: String) -> String {
        HTMLSanitizer.sanitize(MarkdownParser().html(from: markdown))
    }
}
