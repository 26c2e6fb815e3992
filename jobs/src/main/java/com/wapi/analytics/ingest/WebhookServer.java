package com.wapi.analytics.ingest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Meta's webhook endpoint on its own port (wapi.ingest.webhook-port; 0: only on the main port), served from one event
 * loop: a connection's requests are read, checked and handed to the group commit without waking a thread per request,
 * and answered when their rows are committed. Tomcat's path costs ~3 thread wakes a request, which is most of its
 * CPU. The same guarantees as {@link BodyReadingFilter}: 413 on a declared length over the limit before any byte is
 * read, 408 past the body deadline, the shared byte budget (503), and one answer at a time per connection, in order.
 * Only {@code serve} opens it: the other commands share the environment and must not.
 */
@Component
@Profile("serve")
class WebhookServer implements SmartLifecycle {

    private final WebhookReceiver receiver;
    private final WebhookController verification;
    private final IngestProperties properties;
    private final IngestMetrics metrics;
    private final BodyBudget budget;
    private final int port;
    private final int idleSeconds;
    private EventLoopGroup loop;
    private Channel server;

    WebhookServer(WebhookReceiver receiver, WebhookController verification, IngestProperties properties,
            IngestMetrics metrics, BodyBudget budget, @Value("${wapi.ingest.webhook-port:0}") int port,
            @Value("${server.tomcat.connection-timeout:20s}") Duration idle) {
        this.receiver = receiver;
        this.verification = verification;
        this.properties = properties;
        this.metrics = metrics;
        this.budget = budget;
        this.port = port;
        this.idleSeconds = (int) Math.max(1, idle.toSeconds());
    }

    @Override
    public void start() {
        if (port == 0) {
            return;
        }
        loop = new NioEventLoopGroup(1);
        try {
            server = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new IdleStateHandler(idleSeconds, 0, 0), new HttpServerCodec(),
                                    new BodyGuard(), new Aggregator(), new Handler());
                        }
                    }).bind(port).sync().channel();
        } catch (Exception e) { // sync() rethrows the bind's own failure, e.g. a port in use
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            loop.shutdownGracefully();
            loop = null;
            throw new IllegalStateException("the webhook port " + port + " could not be opened (" + e.getMessage()
                    + "): set WAPI_WEBHOOK_PORT to a free port, or to 0 to take webhooks on the main port only", e);
        }
    }

    @Override
    public void stop() {
        if (loop != null) {
            server.close().syncUninterruptibly();
            loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
            loop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    static void send(ChannelHandlerContext ctx, WebhookReceiver.Answer answer, boolean close) {
        send(ctx, answer.status(), "application/json", answer.json(), answer.retryAfter(), close);
    }

    private static void send(ChannelHandlerContext ctx, int status, String contentType, byte[] body, String retryAfter,
            boolean close) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpUtil.setContentLength(response, body.length);
        if (retryAfter != null) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfter);
        }
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, "close");
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response);
        }
    }

    /** 413 from the declared length, before the body is read; the connection is closed. */
    private final class Aggregator extends HttpObjectAggregator {

        Aggregator() {
            super(properties.maxWebhookBytes());
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            send(ctx, receiver.tooLarge(), true);
        }
    }

    /**
     * Answers one request at a time, so answers leave in order. A request that arrives while one awaits its commit (a
     * client pipelining) is held and reading pauses until it is answered; reading never pauses otherwise, which spares
     * two epoll_ctl calls a request.
     */
    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final Queue<FullHttpRequest> held = new ArrayDeque<>();
        private boolean answering;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (answering) {
                held.add(request.retain());
                ctx.channel().config().setAutoRead(false);
            } else {
                answer(ctx, request);
            }
        }

        private void answer(ChannelHandlerContext ctx, FullHttpRequest request) {
            answering = true;
            boolean close = !HttpUtil.isKeepAlive(request);
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            if (request.decoderResult().isFailure()) {
                reply(ctx, WebhookReceiver.error(400, "bad_request", "not a valid HTTP request"), true);
            } else if (!uri.path().equals(WebhookController.PATH)) {
                reply(ctx, WebhookReceiver.error(404, "not_found", "this port serves " + WebhookController.PATH + " only"), close);
            } else if (request.method().equals(HttpMethod.GET)) {
                ResponseEntity<String> answer = verification.verify(first(uri, "hub.mode"), first(uri, "hub.verify_token"),
                        first(uri, "hub.challenge"));
                send(ctx, answer.getStatusCode().value(), "text/plain;charset=UTF-8",
                        String.valueOf(answer.getBody()).getBytes(StandardCharsets.UTF_8), null, close);
                answered(ctx, close);
            } else if (!request.method().equals(HttpMethod.POST)) {
                reply(ctx, WebhookReceiver.error(405, "method_not_allowed", "POST a webhook, or GET the handshake"), close);
            } else {
                byte[] body = ByteBufUtil.getBytes(request.content());
                String signature = request.headers().get("X-Hub-Signature-256");
                receiver.receive(signature, body, properties.landingTimeoutMillis())
                        .thenAccept(answer -> ctx.executor().execute(() -> reply(ctx, answer, close)));
            }
        }

        private void reply(ChannelHandlerContext ctx, WebhookReceiver.Answer answer, boolean close) {
            send(ctx, answer, close);
            answered(ctx, close);
        }

        /** The next held request, or reading again once none is left. */
        private void answered(ChannelHandlerContext ctx, boolean close) {
            answering = false;
            FullHttpRequest next = close ? null : held.poll();
            if (next != null) {
                try {
                    answer(ctx, next);
                } finally {
                    next.release();
                }
            } else if (!close) {
                ctx.channel().config().setAutoRead(true);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            held.forEach(ReferenceCountUtil::release);
            held.clear();
            ctx.fireChannelInactive();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private static String first(QueryStringDecoder uri, String name) {
            List<String> values = uri.parameters().get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** The body deadline (408) and the shared budget for bytes of bodies not yet checked (503 busy). */
    private final class BodyGuard extends ChannelInboundHandlerAdapter {

        private ScheduledFuture<?> deadline;
        private int reserved;
        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (refused) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpRequest) {
                deadline = ctx.executor().schedule(() -> refuse(ctx, 408, "body_timeout", Answers.bodyTimeout(properties)),
                        properties.bodyDeadlineMillis(), TimeUnit.MILLISECONDS);
            }
            if (msg instanceof HttpContent content) {
                int n = content.content().readableBytes();
                if (!budget.tryReserve(n)) {
                    content.release();
                    refuse(ctx, 503, "busy", Answers.BUSY);
                    return;
                }
                reserved += n;
                if (msg instanceof LastHttpContent) {
                    deadline.cancel(false);
                    ctx.fireChannelRead(msg);
                    releaseReserved();
                    return;
                }
            }
            ctx.fireChannelRead(msg);
        }

        private void refuse(ChannelHandlerContext ctx, int status, String code, String detail) {
            refused = true;
            releaseReserved();
            metrics.outcome("webhook", code);
            send(ctx, WebhookReceiver.error(status, code, detail), true);
        }

        private void releaseReserved() {
            budget.release(reserved);
            reserved = 0;
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (deadline != null) {
                deadline.cancel(false);
            }
            releaseReserved();
            ctx.fireChannelInactive();
        }
    }
}
