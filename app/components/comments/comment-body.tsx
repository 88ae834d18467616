// A comment as it reads: its text, the members it mentions highlighted, and the http(s) addresses in
// it as links that open in a new tab without giving it this page (rel noopener noreferrer) or
// vouching for it (nofollow). Every piece is a React element: the text is never read as HTML.
import { memo } from 'react';
import { commentSegments, type Mention } from '~/domain/comments';

export const CommentBody = memo(function CommentBody({ body, mentions }: { body: string; mentions: readonly Mention[] }) {
  return (
    <p className="comment-body">
      {commentSegments(body, mentions).map((segment, i) =>
        segment.kind === 'link' ? (
          <a key={i} href={segment.href} rel="noopener noreferrer nofollow" target="_blank">
            {segment.text}
          </a>
        ) : segment.kind === 'mention' ? (
          <span key={i} className="mention">
            {segment.text}
          </span>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
});
