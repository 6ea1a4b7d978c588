import Foundation

/// A strict checker of the report's HTML: it must be HTML5 that is also well-formed
/// XML. Every element is closed and properly nested; HTML void elements are written
/// `<br/>`; other HTML elements are never self-closed (SVG shapes may be); attribute
/// values are double-quoted; `&` only starts `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`
/// or a numeric reference; `<` never appears in text; `<style>` holds no `<` nor `&`;
/// there is no `<script>`, no event attribute and no external resource.
struct ReportMarkupChecker {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "hr", "img", "input", "link", "meta", "wbr"]

    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private(set) var problems: [String] = []
    /// Every element opened, in document order.
    private(set) var elements: [Element] = []
    /// The text content of the document (entities decoded), without markup.
    private(set) var text = ""

    init(_ html: String) {
        check(Array(html.unicodeScalars))
    }

    /// The problems found in `html`; empty when it is well-formed.
    static func problems(in html: String) -> [String] {
        ReportMarkupChecker(html).problems
    }

    private mutating func check(_ scalars: [Unicode.Scalar]) {
        var index = 0
        var stack: [String] = []
        var roots = 0
        func peek(_ text: String) -> Bool {
            let target = Array(text.unicodeScalars)
            guard index + target.count <= scalars.count else { return false }
            return Array(scalars[index..<(index + target.count)]) == target
        }
        func problem(_ message: String) {
            if problems.count < 40 { problems.append(message + " (at scalar \(index))") }
        }
        if peek("<!DOCTYPE html>") {
            index += "<!DOCTYPE html>".unicodeScalars.count
        } else {
            problem("missing <!DOCTYPE html>")
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                if peek("<!--") {
                    problem("comment found")
                    return
                }
                let closing = index + 1 < scalars.count && scalars[index + 1] == "/"
                var cursor = index + (closing ? 2 : 1)
                var name = ""
                while cursor < scalars.count, scalars[cursor].properties.isAlphabetic || ("0"..."9").contains(scalars[cursor]) {
                    name.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                if name.isEmpty {
                    problem("'<' in text")
                    index += 1
                    continue
                }
                if closing {
                    guard cursor < scalars.count, scalars[cursor] == ">" else {
                        problem("malformed end tag </\(name)")
                        return
                    }
                    if stack.last == name {
                        stack.removeLast()
                    } else {
                        problem("</\(name)> closes <\(stack.last ?? "nothing")>")
                        if let position = stack.lastIndex(of: name) { stack.removeSubrange(position...) }
                    }
                    index = cursor + 1
                    continue
                }
                // Attributes.
                var attributes: [String: String] = [:]
                var selfClosing = false
                while cursor < scalars.count {
                    while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\n" { cursor += 1 }
                    guard cursor < scalars.count else { break }
                    if scalars[cursor] == ">" { cursor += 1; break }
                    if scalars[cursor] == "/" {
                        guard cursor + 1 < scalars.count, scalars[cursor + 1] == ">" else {
                            problem("'/' inside <\(name)>")
                            return
                        }
                        selfClosing = true
                        cursor += 2
                        break
                    }
                    var attribute = ""
                    while cursor < scalars.count, scalars[cursor] != "=", scalars[cursor] != " ", scalars[cursor] != ">" {
                        attribute.unicodeScalars.append(scalars[cursor])
                        cursor += 1
                    }
                    guard cursor + 1 < scalars.count, scalars[cursor] == "=", scalars[cursor + 1] == "\"" else {
                        problem("attribute \(attribute) of <\(name)> without a double-quoted value")
                        return
                    }
                    cursor += 2
                    var value = ""
                    while cursor < scalars.count, scalars[cursor] != "\"" {
                        if scalars[cursor] == "<" { problem("'<' in attribute \(attribute)") }
                        value.unicodeScalars.append(scalars[cursor])
                        cursor += 1
                    }
                    cursor += 1
                    if let error = Self.entityProblem(in: value) { problem("attribute \(attribute) of <\(name)>: \(error)") }
                    if attributes[attribute] != nil { problem("attribute \(attribute) twice in <\(name)>") }
                    if attribute.lowercased().hasPrefix("on") { problem("event attribute \(attribute)") }
                    if ["src", "srcset", "background", "xlink:href"].contains(attribute) { problem("external resource \(attribute)") }
                    if attribute == "href", !value.hasPrefix("#") { problem("link to \(value)") }
                    attributes[attribute] = Self.decoded(value)
                }
                elements.append(Element(name: name, attributes: attributes))
                if ["script", "iframe", "object", "embed", "img", "link", "image", "foreignObject"].contains(name) {
                    problem("forbidden element <\(name)>")
                }
                if stack.isEmpty { roots += 1 }
                let inSVG = stack.contains("svg") || name == "svg"
                if Self.voidElements.contains(name), !selfClosing {
                    problem("void element <\(name)> not written <\(name)/>")
                } else if selfClosing, !Self.voidElements.contains(name), !inSVG {
                    problem("non-void HTML element <\(name)/> self-closed")
                }
                index = cursor
                if !selfClosing, !Self.voidElements.contains(name) {
                    stack.append(name)
                    if name == "style" {
                        // Raw text up to </style>: no '<' nor '&' allowed.
                        while index < scalars.count, !peek("</style>") {
                            if scalars[index] == "<" || scalars[index] == "&" { problem("'\(scalars[index])' inside <style>") }
                            index += 1
                        }
                    }
                }
                continue
            }
            // Text up to the next '<'.
            var run = ""
            while index < scalars.count, scalars[index] != "<" {
                if scalars[index] == ">" && stack.last == nil { problem("'>' outside the document") }
                run.unicodeScalars.append(scalars[index])
                index += 1
            }
            if let error = Self.entityProblem(in: run) { problem("text: \(error)") }
            if stack.last != "style" { text += Self.decoded(run) }
            if stack.isEmpty, !run.allSatisfy(\.isWhitespace) { problem("text outside the root element") }
        }
        if !stack.isEmpty { problems.append("unclosed elements at the end: \(stack)") }
        if roots != 1 { problems.append("\(roots) root elements") }
    }

    /// Why `text` is not valid escaped text, if it is not.
    static func entityProblem(in text: String) -> String? {
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            let after = rest[rest.index(after: ampersand)...]
            guard let semicolon = after.firstIndex(of: ";") else { return "'&' without ';'" }
            let name = String(after[..<semicolon])
            let known = ["amp", "lt", "gt", "quot", "#39"].contains(name)
                || (name.hasPrefix("#") && name.count > 1 && name.dropFirst().allSatisfy(\.isNumber))
            if !known { return "unknown entity &\(name);" }
            rest = after[after.index(after: semicolon)...]
        }
        return nil
    }

    static func decoded(_ text: String) -> String {
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }

    /// The elements named `name`.
    func elements(named name: String) -> [Element] {
        elements.filter { $0.name == name }
    }
}
