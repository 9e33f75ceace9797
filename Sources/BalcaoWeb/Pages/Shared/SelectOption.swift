/// One `<option>` of a select on a page.
struct SelectOption: Encodable {
    let value: String
    let label: String
    let selected: Bool

    init(value: String, label: String, selected: Bool = false) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}
