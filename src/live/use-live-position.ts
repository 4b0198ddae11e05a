import type { Plugin } from 'graphql-yoga';

/**
 * Each subscription event carries its outbox position in `extensions.livePosition`: the value to
 * pass as `after` when subscribing again (after a reconnect), so that no committed event is missed.
 */
export function useLivePosition(): Plugin<{ livePosition?: string }> {
  return {
    onSubscribe: ({ args }) => ({
      onSubscribeResult: () => ({
        onNext: ({ result, setResult }) => {
          const position = args.contextValue.livePosition;
          if (position) setResult({ ...result, extensions: { ...result.extensions, livePosition: position } });
        },
      }),
    }),
  };
}
