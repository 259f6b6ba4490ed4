import * as React from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

interface State {
  error: Error | null;
}

/** The pane never goes blank: a rendering failure shows a message and a way back. */
export class ErrorBoundary extends React.Component<{ children: React.ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('Tổng hợp CCHC: lỗi hiển thị ngăn', error);
  }

  override render(): React.ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div style={{ padding: 12 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Ngăn Tổng hợp CCHC gặp lỗi</MessageBarTitle>
            {this.state.error.message || 'Lỗi không rõ nguyên nhân.'} Sổ làm việc không bị thay đổi thêm.
          </MessageBarBody>
        </MessageBar>
        <Button style={{ marginTop: 8 }} onClick={() => this.setState({ error: null })}>
          Mở lại ngăn
        </Button>
      </div>
    );
  }
}
