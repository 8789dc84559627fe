import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'
import { EmptyState } from '../ui/EmptyState.js'

interface State {
  error: Error | null
}

/** One failing view must not take the whole roadmap down. */
export class ViewErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null })
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('View failed', error, info.componentStack)
  }

  override render() {
    if (this.state.error) {
      return (
        <EmptyState
          icon="alert"
          title="This view could not be shown"
          action={
            <button type="button" className="btn" onClick={() => this.setState({ error: null })}>
              Try again
            </button>
          }
        >
          {this.state.error.message}
        </EmptyState>
      )
    }
    return this.props.children
  }
}
