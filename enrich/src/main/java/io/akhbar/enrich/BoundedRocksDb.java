package io.akhbar.enrich;

import io.akhbar.model.StoreNames;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * RocksDB settings of the enrich stream: every store of the process shares one block cache and one memtable budget,
 * and blocks are LZ4-compressed. The band stores are window stores, one RocksDB per time segment, per store, per
 * task; with Kafka Streams' defaults each of them would take its own 50 MB cache and up to 48 MB of memtables, so
 * memory would grow with partitions and segments instead of staying bounded.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {
    /** Off-heap memory of all stores together: block cache, index and filter blocks, memtables. */
    public static final long TOTAL_OFF_HEAP_BYTES = 256L * 1024 * 1024;
    private static final long MEMTABLE_BYTES = TOTAL_OFF_HEAP_BYTES / 2;
    private static final double HIGH_PRIORITY_SHARE = 0.1;
    private static final long MEMTABLE_SIZE = 16L * 1024 * 1024;
    private static final int MEMTABLES = 3;
    private static final long METADATA_BLOCK_BYTES = 4096;

    /** The Streams setting that installs this class. */
    public static Map<String, Object> streamsConfig() {
        return Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(Shared.CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        // Index and filter in partitions of a few KB behind a small pinned top level: with one whole index and
        // filter block per file, a lookup into gigabytes of state read megabytes of filter whenever the cache could
        // not hold them all (132 lookups/s against 10 million articles, BENCHMARKS.md).
        table.setIndexType(IndexType.kTwoLevelIndexSearch);
        table.setPartitionFilters(true);
        table.setMetadataBlockSize(METADATA_BLOCK_BYTES);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(Shared.WRITE_BUFFERS);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setMaxWriteBufferNumber(MEMTABLES);
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
        // Streams drops the bloom filters of the last level, which suits lookups that mostly hit; a band bucket
        // lookup mostly misses (most texts are new), and without filters every miss would read index and data blocks.
        options.setOptimizeFiltersForHits(false);
        if (storeName.equals(StoreNames.RECEIVED_ARTICLES)) {
            // Articles are kilobytes each and stay as long as the articles topic keeps them: in blob files, apart
            // from the keys, they are written once, while the keys alone go through the compactions.
            options.setEnableBlobFiles(true);
            options.setMinBlobSize(0);
            options.setBlobCompressionType(CompressionType.LZ4_COMPRESSION);
            options.setEnableBlobGarbageCollection(true);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the process: they live as long as it.
    }

    /** Created when the first store opens, once RocksDB's native library is loaded. */
    private static final class Shared {
        static {
            RocksDB.loadLibrary();
        }

        static final Cache CACHE = new LRUCache(TOTAL_OFF_HEAP_BYTES, -1, false, HIGH_PRIORITY_SHARE);
        static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);
    }
}
