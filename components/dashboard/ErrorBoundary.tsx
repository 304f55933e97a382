import { Component, type ReactNode } from 'react';

/**
 * A view that throws shows what went wrong instead of a blank page; the rest of the dashboard (navigation,
 * other sections) keeps working, and nothing saved is touched.
 */
export class ErrorBoundary extends Component<{ fallback: (error: Error, reset: () => void) => ReactNode; resetKey: unknown; children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidUpdate(prev: { resetKey: unknown }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }
  componentDidCatch(error: Error) {
    console.error('Account Lens dashboard view failed', error);
  }
  render() {
    return this.state.error ? this.props.fallback(this.state.error, () => this.setState({ error: undefined })) : this.props.children;
  }
}
