using TrafficOrleans.Storage.Postgres;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Storage.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void Migrations_are_embedded_in_strictly_increasing_order()
    {
        var versions = DatabaseMigrator.Migrations.Select(m => m.Version).ToList();

        Assert.True(versions.Count >= 5, $"expected the embedded migrations, found {versions.Count}");
        Assert.Equal(versions.Distinct().Order(), versions);
        Assert.Equal(1, versions[0]);
    }

    [Theory]
    [InlineData("ReadFromStorageKey")]
    [InlineData("WriteToStorageKey")]
    [InlineData("ClearStorageKey")]
    [InlineData("InsertMembershipKey")]
    [InlineData("UpdateMembershipKey")]
    [InlineData("MembershipReadAllKey")]
    [InlineData("GatewaysQueryKey")]
    [InlineData("UpsertReminderRowKey")]
    [InlineData("ReadRangeRows2Key")]
    [InlineData("DeleteReminderRowKey")]
    public void Every_Orleans_query_key_is_defined(string queryKey)
    {
        Assert.Contains(DatabaseMigrator.Migrations, m => m.Sql.Contains($"('{queryKey}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Redis_keys_follow_the_product_names()
    {
        Assert.Equal("road:hanoi_rd_1:current", RedisKeys.RoadCurrent("hanoi_rd_1"));
        Assert.Equal("road:hanoi_rd_1:predicted", RedisKeys.RoadPredicted("hanoi_rd_1"));
        Assert.Equal("route:cache:12:34", RedisKeys.RouteCache("12", "34"));
        Assert.Equal(TimeSpan.FromMinutes(10), RedisKeys.RoadCurrentTtl);
        Assert.Equal(TimeSpan.FromMinutes(30), RedisKeys.RoadPredictedTtl);
        Assert.Equal(TimeSpan.FromMinutes(5), RedisKeys.RouteCacheTtl);
    }
}
