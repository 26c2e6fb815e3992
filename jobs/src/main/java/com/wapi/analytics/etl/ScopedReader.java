package com.wapi.analytics.etl;

import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A step-scoped reader whose target is looked up once per step execution instead of on every item: the scoped
 * proxy asks the bean factory for its target on each call, which costs a tenth of the etl's time at tens of
 * thousands of items per second. Partitions run on their own threads, so the target is held per thread.
 */
final class ScopedReader<T> implements ItemStreamReader<T> {

    private final ItemStreamReader<T> proxy;
    private final ThreadLocal<ItemStreamReader<T>> target = new ThreadLocal<>();

    ScopedReader(ItemStreamReader<T> stepScopedProxy) {
        if (!(stepScopedProxy instanceof ScopedObject)) {
            throw new IllegalArgumentException("expected a @StepScope proxy, got " + stepScopedProxy.getClass().getName());
        }
        this.proxy = stepScopedProxy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(ExecutionContext executionContext) {
        proxy.open(executionContext);
        target.set((ItemStreamReader<T>) ((ScopedObject) proxy).getTargetObject());
    }

    @Override
    public T read() throws Exception {
        ItemStreamReader<T> reader = target.get();
        return reader != null ? reader.read() : proxy.read();
    }

    @Override
    public void update(ExecutionContext executionContext) {
        proxy.update(executionContext);
    }

    @Override
    public void close() {
        target.remove();
        proxy.close();
    }
}
