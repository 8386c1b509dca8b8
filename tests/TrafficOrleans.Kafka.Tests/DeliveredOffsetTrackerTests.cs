using TrafficOrleans.Kafka.Providers;

namespace TrafficOrleans.Kafka.Tests;

public sealed class DeliveredOffsetTrackerTests
{
    [Fact]
    public void Nothing_is_committed_before_anything_was_read()
    {
        Assert.Null(new DeliveredOffsetTracker().NextCommit());
    }

    [Fact]
    public void Undelivered_message_holds_the_commit_back()
    {
        var tracker = new DeliveredOffsetTracker();
        tracker.Received(10);
        tracker.Received(11);
        tracker.Received(12);

        Assert.Equal(10, tracker.NextCommit());
        tracker.MarkCommitted(10);
        tracker.Delivered([10, 11]);

        Assert.Equal(12, tracker.NextCommit());
    }

    [Fact]
    public void Commit_moves_past_delivered_and_dead_lettered_messages()
    {
        var tracker = new DeliveredOffsetTracker();
        tracker.Received(0);
        tracker.Skipped(1);
        tracker.Received(2);
        tracker.Delivered([0, 2]);

        Assert.Equal(3, tracker.NextCommit());
        tracker.MarkCommitted(3);
        Assert.Null(tracker.NextCommit());
    }

    [Fact]
    public void Only_dead_lettered_messages_still_advance_the_commit()
    {
        var tracker = new DeliveredOffsetTracker();
        tracker.MarkCommitted(5);
        tracker.Skipped(5);
        tracker.Skipped(6);

        Assert.Equal(7, tracker.NextCommit());
    }

    [Fact]
    public void Later_batch_delivered_first_waits_for_the_earlier_one()
    {
        // Grouped batches of different roads interleave in the partition and complete in any order.
        var tracker = new DeliveredOffsetTracker();
        foreach (var offset in new long[] { 0, 1, 2, 3, 4 }) tracker.Received(offset);
        tracker.Delivered([1, 3]);
        Assert.Equal(0, tracker.NextCommit());

        tracker.Delivered([0, 2]);
        Assert.Equal(4, tracker.NextCommit());

        tracker.Delivered([4]);
        Assert.Equal(5, tracker.NextCommit());
    }
}
