// The planning session in the shell: the bar, the vote, and the dialogs to start one, record
// decisions and actions, and read the recap. Reads and writes the document's `sessions` root.
import { useContext, useEffect, useMemo, useState } from 'react'
import { activeSession, commenterVoter, TOPIC_KIND } from '@meridian/model'
import type { IsoDate, RoadmapData, SessionId, Topic, TopicId, VoteId } from '@meridian/model'
import { atLeast } from '@meridian/protocol'
import { CommentsContext } from '../comments/CommentsContext.js'
import { AgendaEditDialog } from './AgendaEditDialog.js'
import type { Role } from '../views/types.js'
import type { Session } from '../sync/session.js'
import { localPresence } from '../sync/presence.js'
import { compareSinceCheckpoint, takeCheckpoint } from './checkpoint.js'
import { NoteDialog } from './NoteDialog.js'
import type { NoteKind } from './NoteDialog.js'
import { OpenVoteDialog } from './OpenVoteDialog.js'
import { personKey } from './personKey.js'
import { RecapDialog } from './RecapDialog.js'
import { SessionBar } from './SessionBar.js'
import { StartSessionDialog } from './StartSessionDialog.js'
import { TOPIC_KIND_LABEL, topicTitle } from './topicLabel.js'
import { useFollowSession } from './useFollowSession.js'
import { useSessions, useSessionWriter } from './useSessions.js'
import { useRecordAttendance } from './useRecordAttendance.js'
import { useVoteApply } from './useVoteApply.js'
import { VoteCard } from './VoteCard.js'
import './session.css'

export interface SessionLayerProps {
  session: Session
  data: RoadmapData
  role: Role
  today: IsoDate
  starting: boolean
  onStartingChange(open: boolean): void
  /** Focus a topic's entity (a feature opens its panel). */
  onFocus(topic: Topic): void
}

export function SessionLayer({
  session,
  data,
  role,
  today,
  starting,
  onStartingChange,
  onFocus,
}: SessionLayerProps) {
  const sessions = useSessions(session.doc)
  const writer = useSessionWriter(session.doc, session.origin)
  const active = activeSession(sessions)
  const name = localPresence(session.awareness)?.user.name ?? 'Someone'
  const me = useMemo(() => ({ key: personKey(), name }), [name])
  const canEdit = atLeast(role, 'editor')
  // A commenter link votes under the key the server binds to its link and name, and writes
  // nothing else (packages/model `commenter-ballot.ts`).
  const author = useContext(CommentsContext)?.author ?? null
  const commenterMayVote =
    role === 'commenter' && author !== null && active?.commentersVote === true
  const voter = commenterMayVote ? commenterVoter(author) : me
  const canVote = canEdit || commenterMayVote
  const watchNote =
    role === 'commenter'
      ? 'You are watching: voting is not open to commenter links in this session.'
      : 'You are watching: this link cannot vote.'
  const apply = useVoteApply(session)
  const isFacilitator = active !== null && active.facilitator.key === me.key
  useRecordAttendance(session, active, isFacilitator, writer)
  const { following, setFollowing, topic } = useFollowSession(active, isFacilitator, onFocus)
  const [note, setNote] = useState<NoteKind | null>(null)
  const [voteOpen, setVoteOpen] = useState(false)
  const [agendaOpen, setAgendaOpen] = useState(false)
  const [dismissed, setDismissed] = useState<string | null>(null)
  const [recapId, setRecapId] = useState<SessionId | null>(null)
  const [ending, setEnding] = useState(false)

  useEffect(() => {
    if (active && canEdit) writer.join(active.id, me)
  }, [active?.id, canEdit, writer, me])

  const vote = active?.votes.at(-1) ?? null
  const recapSession = sessions.find((s) => s.id === recapId) ?? null

  const start = async (
    title: string,
    topics: Parameters<typeof writer.start>[0]['topics'],
    commentersVote: boolean,
  ) => {
    onStartingChange(false)
    const checkpointId = await takeCheckpoint(session.id, session.token, title)
    session.doc.transact(() => {
      const id = writer.start({ title, facilitator: me, checkpointId, topics })
      if (commentersVote) writer.setCommentersVote(id, true)
    }, session.origin)
  }
  const end = async () => {
    if (!active || ending) return
    setEnding(true)
    const comparison = await compareSinceCheckpoint(
      session.id,
      session.token,
      active.checkpointId,
      session.doc,
      today,
    )
    writer.end(active.id, comparison)
    setEnding(false)
    setRecapId(active.id)
  }

  // The owner sets this from the start dialog, the vote dialog and the session bar's menu.
  const ownerSwitch =
    active && role === 'owner'
      ? {
          value: active.commentersVote,
          onChange: (allowed: boolean) => writer.setCommentersVote(active.id, allowed),
        }
      : null

  return (
    <>
      {active ? (
        <SessionBar
          session={active}
          data={data}
          topic={topic}
          isFacilitator={isFacilitator}
          canEdit={canEdit}
          following={following}
          onToggleFollow={() => setFollowing((f) => !f)}
          onGoTo={(t) => writer.focusTopic(active.id, t.id)}
          onEditAgenda={() => setAgendaOpen(true)}
          onOpenVote={() => setVoteOpen(true)}
          onNote={setNote}
          onEnd={() => void end()}
          commentersVote={ownerSwitch}
        />
      ) : null}
      {active && vote && dismissed !== vote.id ? (
        <VoteCard
          vote={vote}
          data={data}
          me={voter}
          canVote={canVote}
          watchNote={watchNote}
          isFacilitator={isFacilitator}
          onCast={(marks) =>
            writer.cast(active.id, vote.id as VoteId, voter, marks, { join: canEdit })
          }
          onReveal={() => writer.reveal(active.id, vote.id)}
          onApply={(order) => apply.applyOrder(vote, order)}
          onApplyRice={(field) => apply.applyRice(vote, field)}
          applied={apply.appliedFor(vote.id)}
          onDismiss={() => setDismissed(vote.id)}
        />
      ) : null}
      {starting && canEdit ? (
        <StartSessionDialog
          data={data}
          isOwner={role === 'owner'}
          onStart={(title, topics, commentersVote) => void start(title, topics, commentersVote)}
          onClose={() => onStartingChange(false)}
        />
      ) : null}
      {voteOpen && active ? (
        <OpenVoteDialog
          data={data}
          commentersVote={ownerSwitch}
          onOpen={(input) => {
            writer.openVote(active.id, input)
            setVoteOpen(false)
          }}
          onClose={() => setVoteOpen(false)}
        />
      ) : null}
      {agendaOpen && active && isFacilitator ? (
        <AgendaEditDialog
          session={active}
          data={data}
          onAdd={(topic) => writer.addTopic(active.id, topic)}
          onMove={(topicId, index) => writer.moveTopic(active.id, topicId as TopicId, index)}
          onRemove={(topicId) => writer.removeTopic(active.id, topicId as TopicId)}
          onClose={() => setAgendaOpen(false)}
        />
      ) : null}
      {note && active ? (
        <NoteDialog
          kind={note}
          subject={topic ? `${TOPIC_KIND_LABEL[topic.kind]} · ${topicTitle(data, topic)}` : ''}
          onClose={() => setNote(null)}
          onSave={({ text, owner, due }) => {
            const input = {
              kind: topic?.kind ?? TOPIC_KIND.text,
              ref: topic?.ref ?? null,
              text,
              by: me.name,
            }
            if (note === 'decision') writer.recordDecision(active.id, input)
            else writer.recordAction(active.id, { ...input, owner, due })
            setNote(null)
          }}
        />
      ) : null}
      {recapSession ? (
        <RecapDialog
          session={recapSession}
          data={data}
          roadmapId={session.id}
          token={session.token}
          canPublish={role === 'owner'}
          onPublish={(published) => writer.publish(recapSession.id, published)}
          onClose={() => setRecapId(null)}
        />
      ) : null}
    </>
  )
}

/** Whether a session is running (for the shell's "Start session" button). */
export function useHasActiveSession(session: Session): boolean {
  return activeSession(useSessions(session.doc)) !== null
}
