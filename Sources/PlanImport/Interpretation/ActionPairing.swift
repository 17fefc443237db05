import PlanKit

/// A row with owners or targets becomes one action, or several when its parts pair: the
/// paragraphs or list items of the response with the owner or target paragraphs beside them;
/// several dates in one target cell ("October 2025 April 2026") with the list items, the
/// paragraphs, the numbered steps of one paragraph ("1. … 2. …") or the several owners of the
/// owner cell. Only when nothing pairs do the dates stay in the action's note, with a remark.
extension RecommendationBuilder {
    /// A row (and its page-break continuations) that has owners or targets.
    mutating func lines(_ group: RowGroup, log: inout RemarkLog) {
        var paragraphs = group.paragraphs
        let targets = Self.targetUnits(group.targets)
        let owners = ownerUnits(group.owners)
        // A lead-in ("… will:") over items or paragraphs that pair with the targets or owners (a
        // Word list reads as plain paragraphs from a DOCX).
        if paragraphs.count >= 3, !paragraphs[0].isItem, paragraphs[0].text.hasSuffix(":"),
           targets.count == paragraphs.count - 1 || group.owners.count == paragraphs.count - 1 {
            response.append(paragraphs[0].text)
            log.kept(paragraphs[0].place, subject, "the words introducing a list of actions kept in the response",
                     alternative: "the words as the start of the first action")
            paragraphs.removeFirst()
        }
        let n = paragraphs.count
        if n >= 2, targets.count == n || group.owners.count == n {
            let kind = paragraphs.allSatisfy(\.isItem) ? "list items" : "paragraphs"
            log.guess(group.place, subject, "\(n) \(kind) side by side with \(owners.count) owners and \(targets.count) targets read as \(n) actions",
                      alternative: "one action holding all the \(kind)")
            if owners.count == n { remarkOwnerSplit(group, owners, log: &log) }
            pair(paragraphs, owners: owners.count == n ? owners : group.owners, targets: targets, log: &log)
            return
        }
        if n == 1, targets.count >= 2, Set(targets.map(\.text)).count == targets.count {
            let k = targets.count
            let text = paragraphs[0].text
            if let (leadIn, steps) = NumberedSteps.split(text) ?? NumberedSteps.bullets(text), steps.count == k {
                log.guess(group.place, subject, "\(k) numbered or bulleted steps beside \(k) targets read as \(k) actions",
                          alternative: "one action holding all the steps, the dates in its note")
                if owners.count == k { remarkOwnerSplit(group, owners, log: &log) }
                if let leadIn {
                    response.append(leadIn)
                    log.kept(group.place, subject, "the words introducing the numbered steps kept in the response",
                             alternative: "the words as the start of the first step")
                }
                pair(steps.map { ResponseParagraph(text: $0, place: paragraphs[0].place) }, owners: owners.count == k ? owners : group.owners,
                     targets: targets, log: &log)
                return
            }
            if owners.count == k, let parts = TextApportioner.divide(paragraphs[0].text, into: owners.map(\.text)) {
                remarkOwnerSplit(group, owners, log: &log)
                log.guess(group.place, subject, "\(k) targets beside \(k) owners: the text divided at sentences into \(k) actions, each part where its words best match its owner's",
                          alternative: "one action with all the owners and the dates in its note, or a division at other sentences")
                pair(parts.map { ResponseParagraph(text: $0, place: paragraphs[0].place) }, owners: owners, targets: targets, log: &log)
                return
            }
        }
        actions.append(action(id: nextID(), text: RunningText.joinParagraphs(paragraphs), owners: group.owners, targets: group.targets,
                              place: group.place, log: &log))
        pending.append(actions.count - 1)
    }

    /// One action per part, with the owner and target beside it (all the owners when they do
    /// not pair; the targets left over go to the last action).
    mutating func pair(_ parts: [ResponseParagraph], owners: [PlacedText], targets: [PlacedText], log: inout RemarkLog) {
        let n = parts.count
        for i in 0..<n {
            let owned: [PlacedText] = owners.count == n ? [owners[i]] : owners
            var targeted: [PlacedText] = []
            if targets.count == n {
                targeted = [targets[i]]
            } else if targets.count > n {
                targeted = i == n - 1 ? Array(targets[i...]) : [targets[i]]
            } else if i < targets.count {
                targeted = [targets[i]]
            }
            let id = nextID()
            if targets.count < n, i >= targets.count {
                log.missing(parts[i].place, id, "no target beside this paragraph",
                            alternative: "the row's last target given to this action too")
            }
            actions.append(action(id: id, text: NumberedSteps.strip(parts[i].itemText), owners: owned, targets: targeted,
                                  place: parts[i].place, log: &log))
            pending.append(actions.count - 1)
        }
    }

    /// The target cell as separate targets: its paragraphs, or the dates and states of one
    /// paragraph that names several ("October 2025 April 2026").
    static func targetUnits(_ targets: [PlacedText]) -> [PlacedText] {
        guard targets.count == 1, let tokens = TargetCell.tokens(targets[0].text), tokens.count >= 2,
              tokens.contains(where: { $0.date != nil }) else { return targets }
        return tokens.map { token in
            switch token {
            case .date(_, let words), .state(_, let words): PlacedText(text: words, place: targets[0].place)
            }
        }
    }

    /// One owner paragraph read as several owners, one for each action.
    func remarkOwnerSplit(_ group: RowGroup, _ owners: [PlacedText], log: inout RemarkLog) {
        guard group.owners.count == 1, owners.count > 1, let how = splitter.split(group.owners[0].text).how else { return }
        log.guess(group.owners[0].place, subject, "the owner cell \"\(group.owners[0].text)\" read as \(owners.count) owners (split \(how)), one for each action: \(owners.map { "\"\($0.text)\"" }.joined(separator: ", "))",
                  alternative: "one owner named as the cell is written")
    }

    /// The owner cell as separate owners: its paragraphs, or the owners one paragraph names.
    func ownerUnits(_ owners: [PlacedText]) -> [PlacedText] {
        guard owners.count == 1 else { return owners }
        let parts = splitter.split(owners[0].text).owners
        return parts.count >= 2 ? parts.map { PlacedText(text: $0, place: owners[0].place) } : owners
    }
}
