import BalcaoCore

/// The canonical tag of a supported language, or nil.
func SupportedLanguageTag(_ tag: String) -> String? {
    SupportedLanguage(matching: tag)?.rawValue
}
