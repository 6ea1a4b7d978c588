/// An inline SVG drawing in a fixed coordinate space (`viewBox`), scaled to the width
/// of the page. Every text is escaped by ``HTMLDocument``.
struct ChartCanvas {
    private var document = HTMLDocument()
    let width: Double
    let height: Double

    /// Starts a drawing; `title` is read by screen readers and shown as a tooltip.
    init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        document.open("svg", attributes: [
            ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"),
            ("width", "100%"), ("role", "img"), ("aria-label", title), ("class", "chart-svg"),
            ("font-family", "DejaVu Sans, Liberation Sans, Arial, sans-serif"),
        ])
        document.element("title", text: title)
    }

    /// The finished `<svg>` element.
    mutating func finish() -> String {
        document.close("svg")
        return document.markup
    }

    // MARK: - Shapes

    mutating func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil
    ) {
        var attributes = [
            ("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)),
            ("stroke", stroke), ("stroke-width", Self.number(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        document.empty("line", attributes: attributes)
    }

    mutating func rectangle(
        _ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String, stroke: String? = nil,
        strokeWidth: Double = 1, dash: String? = nil, tooltip: String? = nil
    ) {
        var attributes = [
            ("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(0, width))),
            ("height", Self.number(max(0, height))), ("fill", fill),
        ]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", Self.number(strokeWidth))] }
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let tooltip {
            document.open("rect", attributes: attributes)
            document.element("title", text: tooltip)
            document.close("rect")
        } else {
            document.empty("rect", attributes: attributes)
        }
    }

    mutating func circle(_ x: Double, _ y: Double, radius: Double, fill: String, stroke: String? = nil) {
        var attributes = [("cx", Self.number(x)), ("cy", Self.number(y)), ("r", Self.number(radius)), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", "1")] }
        document.empty("circle", attributes: attributes)
    }

    /// A diamond (a vote) centred on `x`, `y`.
    mutating func diamond(_ x: Double, _ y: Double, size: Double, fill: String, stroke: String? = nil) {
        let points = [(x, y - size), (x + size, y), (x, y + size), (x - size, y)]
            .map { Self.number($0.0) + "," + Self.number($0.1) }.joined(separator: " ")
        var attributes = [("points", points), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", "1")] }
        document.empty("polygon", attributes: attributes)
    }

    /// A triangle pointing down (a limit) whose tip is at `x`, `y`.
    mutating func downTriangle(_ x: Double, _ y: Double, size: Double, fill: String) {
        let points = [(x - size, y - size * 1.4), (x + size, y - size * 1.4), (x, y)]
            .map { Self.number($0.0) + "," + Self.number($0.1) }.joined(separator: " ")
        document.empty("polygon", attributes: [("points", points), ("fill", fill)])
    }

    enum Anchor: String {
        case start, middle, end
    }

    /// Text whose baseline starts (or is centred, or ends) at `x`, `y`. `tooltip` gives
    /// the full text when `text` is shortened.
    mutating func text(
        _ text: String, _ x: Double, _ y: Double, size: Double = 10, anchor: Anchor = .start, fill: String = "#1a1a1a",
        bold: Bool = false, tooltip: String? = nil
    ) {
        var attributes = [("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size)), ("fill", fill)]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if bold { attributes.append(("font-weight", "bold")) }
        document.open("text", attributes: attributes)
        if let tooltip, tooltip != text { document.element("title", text: tooltip) }
        document.text(text)
        document.close("text")
    }

    // MARK: - Measures

    /// A rough width of `text` at `size` (DejaVu Sans averages about 0.6 em a character).
    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }

    /// `text` cut with an ellipsis to fit `width` at `size`.
    static func fitted(_ text: String, width: Double, size: Double) -> String {
        let maximum = max(1, Int(width / (size * 0.6)))
        guard text.count > maximum else { return text }
        return String(text.prefix(max(1, maximum - 1))).trimmingTrailingSpaces() + "…"
    }

    /// A coordinate with at most one decimal: `12`, `12.5`, `-3.2`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
