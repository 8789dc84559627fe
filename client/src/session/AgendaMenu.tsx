// The agenda from the session bar: every topic with its timebox; the facilitator jumps to one
// or opens the agenda editor; the owner turns commenters' votes on or off mid-session.
import { useState } from 'react'
import type { PlanningSession, RoadmapData, Topic } from '@meridian/model'
import { Button } from '../ui/Button.js'
import { Icon } from '../ui/Icon.js'
import { Menu, MenuCheckItem, MenuItem, MenuSeparator } from '../ui/Menu.js'
import { topicTitle } from './topicLabel.js'

export function AgendaMenu({
  session,
  data,
  isFacilitator,
  onGoTo,
  onEdit,
  commentersVote,
}: {
  session: PlanningSession
  data: RoadmapData
  isFacilitator: boolean
  onGoTo(topic: Topic): void
  onEdit(): void
  /** The owner's switch for `commentersVote`; null for everyone else. */
  commentersVote: { value: boolean; onChange(allowed: boolean): void } | null
}) {
  const [anchor, setAnchor] = useState<DOMRect | null>(null)
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        onClick={(e) => setAnchor(e.currentTarget.getBoundingClientRect())}
      >
        Agenda <Icon name="chevronDown" size={14} />
      </Button>
      {anchor ? (
        <Menu anchor={anchor} label="Agenda" onClose={() => setAnchor(null)}>
          {session.agenda.map((topic, i) => (
            <MenuItem
              key={topic.id}
              onSelect={() => {
                if (isFacilitator) onGoTo(topic)
                setAnchor(null)
              }}
            >
              <span className="ss-agenda-item">
                <span className="ss-agenda__num">{i + 1}</span>
                <span className={topic.id === session.currentTopicId ? 'ss-agenda-item--now' : ''}>
                  {topicTitle(data, topic)}
                </span>
                {topic.timebox ? <span className="ss-muted">{topic.timebox} min</span> : null}
                {topic.id === session.currentTopicId ? <Icon name="check" size={14} /> : null}
              </span>
            </MenuItem>
          ))}
          {isFacilitator ? (
            <MenuItem
              onSelect={() => {
                setAnchor(null)
                onEdit()
              }}
            >
              <span className="ss-agenda-item">
                <Icon name="edit" size={14} /> Edit agenda…
              </span>
            </MenuItem>
          ) : null}
          {commentersVote ? (
            <>
              <MenuSeparator />
              <MenuCheckItem checked={commentersVote.value} onChange={commentersVote.onChange}>
                Commenter links may vote
              </MenuCheckItem>
            </>
          ) : null}
        </Menu>
      ) : null}
    </>
  )
}
